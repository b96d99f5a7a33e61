// /setup — create the first admin; exists only while there is no admin (the action re-checks).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { createFirstAdminAction } from "@/lib/actions/create-first-admin";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { hasAnyAdmin } from "@/lib/bootstrap/ensure-first-admin";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyAdmin(db())) redirect("/signin");
  return (
    <AuthCard
      title="Create the first administrator"
      subtitle="Signalhouse has no administrator yet. The account you create here can add organizations, users and API keys."
    >
      <ActionForm action={createFirstAdminAction} submitLabel="Create administrator" pendingLabel="Creating…">
        <Field name="name" label="Your name" autoComplete="name" required />
        <Field name="email" label="Email" type="email" autoComplete="username" required />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
      </ActionForm>
    </AuthCard>
  );
}
