// /setup — create the first admin; exists only while there is no admin (the action re-checks). The new
// admin is signed in at once (components/auth/setup-form.tsx).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
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
      <SetupForm minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
