// /pipelines?org=<slug> — an organization's application and position pipelines with their current
// version, and "New pipeline" (kind, name, key), which opens the editor to start from a template.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field, SelectField } from "@/components/forms/field";
import { OrganizationPicker } from "@/components/hirer/organization-picker";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
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
          <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
            <table className="min-w-full text-left text-sm">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-5">Name</th>
                  <th className="hidden px-4 py-2 font-medium sm:table-cell">Key</th>
                  <th className="px-4 py-2 font-medium">Kind</th>
                  <th className="px-4 py-2 font-medium">Version</th>
                  <th className="hidden px-4 py-2 font-medium md:table-cell">Saved</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {pipelines.map((p) => (
                  <tr key={p.id} data-testid="pipeline-row" data-key={p.key}>
                    <td className="px-4 py-3 sm:px-5">
                      <Link
                        href={pipelinePath(organization.slug, p.key)}
                        className={`${linkClass} [overflow-wrap:anywhere]`}
                      >
                        {p.name}
                      </Link>
                      <p className="mt-0.5 break-all font-mono text-xs text-slate-500 sm:hidden">{p.key}</p>
                    </td>
                    <td className="hidden break-all px-4 py-3 font-mono text-xs text-slate-700 sm:table-cell">
                      {p.key}
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={p.kind === "application" ? "indigo" : "neutral"}>{p.kind}</Badge>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                      {p.currentVersion ? `v${p.currentVersion.version}` : "none"}
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 md:table-cell">
                      {formatDateTime(p.currentVersion?.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
