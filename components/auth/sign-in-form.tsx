"use client";
// Email + password through next-auth's Credentials provider. On success the browser goes to the
// (already sanitised) callback path with a full load, so every server component sees the new session.
import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { buttonPrimary, inputClass } from "../ui/styles";

export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(undefined);
        const result = await signIn("credentials", {
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          redirect: false,
        }).catch(() => undefined);
        if (result?.ok && !result.error) {
          window.location.assign(callbackPath);
          return;
        }
        setPending(false);
        setError(signInErrorMessage(result?.error));
      }}
    >
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={`mt-1 ${inputClass}`} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`mt-1 ${inputClass}`}
        />
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
