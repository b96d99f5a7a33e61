// /pipelines?org=<slug> — an organization's application and position pipelines with their current
// version, and "New pipeline" (kind, name, key), which opens the editor to start from a template.
import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field, SelectField } from "@/components/forms/field";
import { OrganizationPicker } from "@/components/hirer/organization-picker";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RecordLink } from "@/components/ui/record-link";
import { Table, type TTableColumn } from "@/components/ui/table";
import { startPipelineAction } from "@/lib/actions/start-pipeline";
import { requireUser } from "@/lib/auth/guards";
import { canChange } from "@/lib/auth/roles";
import { narrowToOrganization, scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/format-date-time";
import { workingOrganization } from "@/lib/organizations/working-organization";
import { oneParam, orNotFound } from "@/lib/pages/or-not-found";
import { pipelinePath } from "@/lib/paths/hirer-paths";
import { listPipelines } from "@/lib/pipelines/list-pipelines";

export const metadata: Metadata = { title: "Pipelines" };
export const dynamic = "force-dynamic";

const COLUMNS: TTableColumn<"name" | "key" | "kind" | "version" | "saved">[] = [
  { id: "name", header: "Name" },
  {
    id: "key",
    header: "Key",
    className: "hidden sm:table-cell",
    cellClassName: "break-all font-mono text-xs text-slate-700",
  },
  { id: "kind", header: "Kind" },
  { id: "version", header: "Version", className: "whitespace-nowrap", cellClassName: "text-slate-700" },
  {
    id: "saved",
    header: "Saved",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PipelinesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/pipelines");
  const scope = scopeFor(user);
  const { organization, choices } = await orNotFound(
    workingOrganization(db(), scope, oneParam((await searchParams).org)),
  );
  const pipelines = await listPipelines(db(), narrowToOrganization(scope, organization.id));
  return (
    <AppShell
      user={user}
      current="/pipelines"
      title="Pipelines"
      description={
        <>
          The statuses an application or a position moves through, in process order. Job boards receive each change with
          its place in the pipeline. Organization: <span className="font-medium">{organization.name}</span>
        </>
      }
    >
      {user.role === "admin" ? (
        <OrganizationPicker action="/pipelines" organizations={choices} selected={organization} />
      ) : null}

      <Card title="Pipelines" description={`${pipelines.length} in total`}>
        {pipelines.length === 0 ? (
          <p className="text-sm text-slate-600">No pipelines yet. Start one below, or let the ATS create them.</p>
        ) : (
          <Table
            columns={COLUMNS}
            caption={`Pipelines of ${organization.name}`}
            rows={pipelines.map((p) => ({
              id: p.id,
              attributes: { "data-testid": "pipeline-row", "data-key": p.key },
              cells: {
                name: (
                  <RecordLink
                    href={pipelinePath(organization.slug, p.key)}
                    details={p.key}
                    detailsClassName="break-all font-mono sm:hidden"
                  >
                    {p.name}
                  </RecordLink>
                ),
                key: p.key,
                kind: <Badge tone={p.kind === "application" ? "indigo" : "neutral"}>{p.kind}</Badge>,
                version: p.currentVersion ? `v${p.currentVersion.version}` : "none",
                saved: formatDateTime(p.currentVersion?.createdAt),
              },
            }))}
          />
        )}
      </Card>

      {canChange(user) ? (
        <Card
          title="New pipeline"
          description="Choose what it is for and name it; the editor then starts it from a template."
        >
          <ActionForm
            action={startPipelineAction}
            submitLabel="Open the editor"
            pendingLabel="Checking…"
            className="grid grid-cols-1 gap-4 sm:grid-cols-3"
            actionsClassName="flex flex-wrap items-center gap-3 sm:col-span-3"
            ariaLabel="New pipeline"
            resetOnSuccess={false}
          >
            <input type="hidden" name="organizationId" value={organization.id} />
            <SelectField
              name="kind"
              label="Kind"
              defaultValue="application"
              options={[
                { value: "application", label: "Applications (candidates)" },
                { value: "position", label: "Positions (job openings)" },
              ]}
            />
            <Field name="name" label="Name" required maxLength={200} placeholder="Standard hiring" autoComplete="off" />
            <Field
              name="key"
              label="Key (optional)"
              maxLength={100}
              placeholder="standard-hiring"
              autoComplete="off"
              hint="What the ATS names it by. Empty: made from the name."
            />
          </ActionForm>
        </Card>
      ) : null}
    </AppShell>
  );
}
