// /signin — email + password. Already signed in: straight on to where they were going.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { hasAnyAdmin } from "@/lib/bootstrap/ensure-first-admin";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  if (!(await hasAnyAdmin(db()))) redirect("/setup");
  // next-auth sends failed sign-ins without JavaScript back here with ?error=…; show the same message.
  const initialError = params.error ? signInErrorMessage(String(params.error)) : undefined;
  return (
    <AuthCard
      title="Sign in"
      subtitle={
        params.setup === "done"
          ? "Your administrator account is ready. Sign in with it."
          : "Use the email and password your administrator gave you."
      }
    >
      <SignInForm callbackPath={callbackPath} initialError={initialError} />
    </AuthCard>
  );
}
