// /admin/organizations/:id — one organization's SEEK and LinkedIn settings, and the operational webhooks
// its ATS subscribed. The LinkedIn client secret is write-only: the page shows only a masked label and
// offers a field to replace it. Webhooks are the ATS's to manage (the API); the page shows them with
// their deliveries waiting and failed, never their secret, credentials or query string.
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
import { Table, type TTableColumn } from "@/components/ui/table";
import { updateIntegrationSettingsAction } from "@/lib/actions/update-integration-settings";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { deliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/format-date-time";
import { getOrganizationSettings } from "@/lib/organizations/get-organization-settings";
import { listOrganizationWebhooks } from "@/lib/webhooks/organization-webhooks";
import { WEBHOOK_CHANNEL } from "@/lib/webhooks/webhook-events";

export const metadata: Metadata = { title: "Organization settings" };

const WEBHOOK_COLUMNS: TTableColumn<"id" | "url" | "events" | "deliveries" | "created">[] = [
  { id: "id", header: "Webhook", rowHeader: true, cellClassName: "font-mono text-xs break-all lg:break-normal" },
  { id: "url", header: "Sends to", cellClassName: "font-mono text-xs break-all lg:break-normal" },
  { id: "events", header: "Events", className: "hidden md:table-cell", cellClassName: "text-xs" },
  { id: "deliveries", header: "Deliveries" },
  { id: "created", header: "Created", className: "hidden lg:table-cell whitespace-nowrap" },
];
/** ids up to this long stay on one line ("ats-alerts" used to break at its hyphen); longer ones may break anywhere */
const SHORT_ID = 24;
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
  const webhooks = await listOrganizationWebhooks(db(), scopeFor(admin), org.id);
  const webhookLog = (only: { webhook?: string; state?: "failed" | "dead" } = {}) =>
    `/deliveries${deliveryListSearch({ organization: org.id, channel: WEBHOOK_CHANNEL, ...only })}`;
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

      <Card
        title="Operational webhooks"
        description={
          <>
            Registered by the ATS with <span className="font-mono">PUT /api/v1/webhooks/&#123;id&#125;</span>, signed
            with a secret shown to it once. Their sends are in the{" "}
            <Link href={webhookLog()} className={linkClass}>
              delivery log
            </Link>
            .
          </>
        }
      >
        {webhooks.length === 0 ? (
          <p className="text-sm text-slate-600">This organization's ATS has registered no webhook.</p>
        ) : (
          <Table
            columns={WEBHOOK_COLUMNS}
            caption="Operational webhooks of this organization"
            rows={webhooks.map((w) => ({
              id: w.id,
              attributes: { "data-webhook": w.webhookId },
              cells: {
                id: (
                  <>
                    <span className={w.webhookId.length <= SHORT_ID ? "whitespace-nowrap" : undefined}>
                      {w.webhookId}
                    </span>
                    {w.disabled ? (
                      <>
                        {" "}
                        <Badge tone="red">disabled</Badge>
                      </>
                    ) : null}
                  </>
                ),
                url: w.url,
                events: w.events.join(", "),
                deliveries: (
                  <span className="whitespace-nowrap">
                    {w.failed + w.dead === 0 ? <Badge tone="green">none failed</Badge> : null}
                    {(["failed", "dead"] as const).map((state) =>
                      w[state] > 0 ? (
                        <Link
                          key={state}
                          href={webhookLog({ webhook: w.webhookId, state })}
                          className={`${linkClass} mr-1`}
                        >
                          <Badge tone="red">{`${w[state]} ${state}`}</Badge>
                        </Link>
                      ) : null,
                    )}
                    {w.waiting > 0 ? <Badge>{`${w.waiting} waiting`}</Badge> : null}
                  </span>
                ),
                created: formatDateTime(w.createdAt),
              },
            }))}
          />
        )}
      </Card>
    </AppShell>
  );
}
