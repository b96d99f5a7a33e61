// /admin/organizations/:id — one organization's SEEK and LinkedIn settings. The LinkedIn client secret is
// write-only: the page shows only a masked label and offers a field to replace it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Field } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { updateIntegrationSettingsAction } from "@/lib/actions/update-integration-settings";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/format-date-time";
import { getOrganizationSettings } from "@/lib/organizations/get-organization-settings";

export const metadata: Metadata = { title: "Organization settings" };
export const dynamic = "force-dynamic";

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const path = `/admin/organizations/${encodeURIComponent(organizationId)}`;
  const admin = await requireAdmin(path);
  const org = await getOrganizationSettings(
    db(),
    scopeFor(admin),
    organizationId,
    env().SIGNALHOUSE_ENCRYPTION_KEY,
  ).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const secret = org.linkedinClientSecret;
  return (
    <AppShell
      user={admin}
      current={path}
      title={org.name}
      description={
        <>
          Slug <span className="font-mono">{org.slug}</span> · created {formatDateTime(org.createdAt)} ·{" "}
          <Link href={`/admin/api-keys?organization=${org.id}`} className={linkClass}>
            API keys
          </Link>
        </>
      }
      actions={
        <Link href="/admin/organizations" className={linkClass}>
          ← All organizations
        </Link>
      }
    >
      <Card
        title="Board integration settings"
        description="Used when this organization's status changes are delivered to SEEK and LinkedIn."
      >
        <ActionForm
          action={updateIntegrationSettingsAction}
          submitLabel="Save settings"
          className="grid max-w-2xl grid-cols-1 gap-5"
          ariaLabel="Board integration settings"
        >
          <input type="hidden" name="organizationId" value={org.id} />
          <Field
            name="seekHirerId"
            label="SEEK hirer id"
            defaultValue={org.seekHirerId ?? ""}
            placeholder="seekAnzPublicTest:organization:seek:93WyyF1h"
            hint="The hirer this organization's SEEK signals are sent for. Leave empty to send none."
          />
          <Field
            name="linkedinIntegrationContext"
            label="LinkedIn integration context"
            defaultValue={org.linkedinIntegrationContext ?? ""}
            placeholder="urn:li:organization:1234"
          />
          <Field
            name="linkedinClientId"
            label="LinkedIn client id"
            defaultValue={org.linkedinClientId ?? ""}
            autoComplete="off"
          />
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-700">LinkedIn client secret</legend>
            <p className="text-sm text-slate-700" data-testid="linkedin-secret-state">
              {secret.state === "unset" ? (
                <Badge>not set</Badge>
              ) : secret.state === "set" ? (
                <Badge tone="green">{secret.label}</Badge>
              ) : (
                <Badge tone="red">{secret.label}</Badge>
              )}
            </p>
            <Field
              name="linkedinClientSecret"
              label={secret.state === "unset" ? "Secret" : "Replace with a new secret"}
              type="password"
              autoComplete="new-password"
              hint="Stored encrypted and never shown again. Leave empty to keep the current one."
            />
            {secret.state !== "unset" ? (
              <CheckboxField name="clearLinkedinClientSecret" label="Remove the stored secret" />
            ) : null}
          </fieldset>
        </ActionForm>
      </Card>
    </AppShell>
  );
}
