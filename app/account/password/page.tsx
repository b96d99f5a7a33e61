// /account/password — any signed-in user changes their own password (not in the ATS portal: no password here).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Change password" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const user = await requireUser("/account/password");
  if (user.portal) notFound();
  return (
    <AppShell
      user={user}
      current="/account/password"
      title="Change password"
      description="Your other sessions end when you change it; this one stays signed in."
    >
      <Card title="Your password" description={`For ${user.email}`}>
        <ChangePasswordForm email={user.email} />
      </Card>
    </AppShell>
  );
}
