"use client";
// The /setup form. Once the first administrator exists, the browser signs in with the email and password
// just typed (next-auth's own Credentials flow, as the sign-in page does) and opens the overview: the
// person who set the app up should not have to type the same password again a second later.
import { signIn } from "next-auth/react";
import { useState } from "react";
import { createFirstAdminAction } from "@/lib/actions/create-first-admin";
import { ActionForm } from "../forms/action-form";
import { Field } from "../forms/field";

export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const [signingIn, setSigningIn] = useState(false);
  return (
    <>
      <ActionForm
        action={createFirstAdminAction}
        submitLabel="Create administrator"
        pendingLabel="Creating…"
        resetOnSuccess={false}
        showSuccess={false}
        onSuccess={async (_state, submitted) => {
          setSigningIn(true);
          const result = await signIn("credentials", {
            email: String(submitted.get("email") ?? ""),
            password: String(submitted.get("password") ?? ""),
            redirect: false,
          }).catch(() => undefined);
          // Should signing in fail (it should not: the account was just made), the sign-in page says the
          // account is ready, and nothing is lost.
          window.location.assign(result?.ok && !result.error ? "/" : "/signin?setup=done");
        }}
      >
        <Field name="name" label="Your name" autoComplete="name" required />
        <Field name="email" label="Email" type="email" autoComplete="username" required />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          hint={`At least ${minPasswordLength} characters.`}
        />
      </ActionForm>
      {signingIn ? (
        <p role="status" className="mt-4 text-sm font-medium text-emerald-700">
          Administrator created. Signing you in…
        </p>
      ) : null}
    </>
  );
}
