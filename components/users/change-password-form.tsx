"use client";
// The self-service password change. Changing it ends every session from before, this one included (its
// cookie predates the change), so on success the form signs this browser in again with the new password:
// the person stays signed in, and only their other browsers are out. If that sign-in fails, it says so.
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { changeOwnPasswordAction } from "@/lib/actions/change-own-password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function ChangePasswordForm({ email }: { email: string }) {
  // The new password, held only until the re-sign-in below uses it; the server never sends it back.
  const typed = useRef("");
  // One re-sign-in per successful change: a second change in a row must sign in again too, and its
  // result carries the same message, so each result object gets its own key.
  const results = useRef(new WeakMap<object, number>());
  const count = useRef(0);
  const keyFor = (state: object) => {
    const known = results.current.get(state);
    if (known !== undefined) return known;
    count.current += 1;
    const next = count.current;
    results.current.set(state, next);
    return next;
  };
  return (
    <ActionForm
      action={changeOwnPasswordAction}
      submitLabel="Change password"
      pendingLabel="Changing…"
      showSuccess={false}
      className="grid max-w-md grid-cols-1 gap-4"
      ariaLabel="Change your password"
      after={(state) =>
        state.status === "ok" ? <StaySignedIn key={keyFor(state)} email={email} password={typed} /> : null
      }
    >
      {/* for password managers: the account the password belongs to */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <Field name="currentPassword" label="Current password" type="password" required autoComplete="current-password" />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        onChange={(event) => {
          typed.current = event.currentTarget.value;
        }}
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
      />
    </ActionForm>
  );
}

function StaySignedIn({ email, password }: { email: string; password: { current: string } }) {
  const [outcome, setOutcome] = useState<"pending" | "signed-in" | "signed-out">("pending");
  // Read once at mount (an effect may run twice in development), then dropped from the form's ref.
  const [value] = useState(() => password.current);
  useEffect(() => {
    password.current = "";
    signIn("credentials", { email, password: value, redirect: false })
      .then((result) => setOutcome(result?.ok && !result.error ? "signed-in" : "signed-out"))
      .catch(() => setOutcome("signed-out"));
  }, [email, password, value]);
  if (outcome === "pending") {
    return (
      <p role="status" className="mt-4 text-sm text-slate-700">
        Password changed. Keeping you signed in…
      </p>
    );
  }
  return (
    <p
      role="status"
      className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900"
      data-testid="password-changed"
    >
      {outcome === "signed-in" ? (
        "Password changed. Your other sessions have been signed out; you are still signed in here."
      ) : (
        <>
          Password changed and every session signed out, this one too. <a href="/signin">Sign in again</a> with your new
          password.
        </>
      )}
    </p>
  );
}
