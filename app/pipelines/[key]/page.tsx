// /pipelines/:key?org=<slug> — the pipeline editor on the current version, and the version history.
// With &new=<kind>&name=<name> (from "New pipeline") and no such pipeline yet: the editor starts from
// the template picker, and the first save creates the pipeline.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { OrganizationChooser } from "@/components/hirer/organization-chooser";
import { PipelineEditorPanel } from "@/components/pipelines/pipeline-editor-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { savePipelineAction } from "@/lib/actions/save-pipeline";
import { requireUser } from "@/lib/auth/guards";
import { canChange } from "@/lib/auth/roles";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTimeSeconds } from "@/lib/format/format-date-time";
import { organizationOfRecord, workingOrganization } from "@/lib/organizations/working-organization";
import { oneParam, orNotFound } from "@/lib/pages/or-not-found";
import { pipelinePath, pipelinesPath } from "@/lib/paths/hirer-paths";
import { getPipelineForEditor } from "@/lib/pipelines/get-pipeline-for-editor";
import { PIPELINE_KEY_PATTERN, ZPipelineKind } from "@/lib/pipelines/pipeline-definition";
import { PIPELINE_TEMPLATES } from "@/lib/pipelines/pipeline-templates";

export const metadata: Metadata = { title: "Pipeline" };
export const dynamic = "force-dynamic";

const VERSION_COLUMNS: TTableColumn<"version" | "name" | "saved" | "by">[] = [
  { id: "version", header: "Version", className: "whitespace-nowrap" },
  {
    id: "name",
    header: "Name",
    className: "hidden sm:table-cell",
    cellClassName: "[overflow-wrap:anywhere] text-slate-700",
  },
  { id: "saved", header: "Saved", cellClassName: "text-slate-600" },
  { id: "by", header: "By", className: "hidden md:table-cell", cellClassName: "text-slate-600" },
];

type Params = Promise<{ key: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PipelinePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { key } = await params;
  const query = await searchParams;
  const path = `/pipelines/${encodeURIComponent(key)}`;
  const user = await requireUser(path);
  if (!PIPELINE_KEY_PATTERN.test(key)) notFound();
  const scope = scopeFor(user);
  const slug = oneParam(query.org);
  const newKind = ZPipelineKind.safeParse(oneParam(query.new));

  const located = newKind.success
    ? { kind: "one" as const, organization: (await orNotFound(workingOrganization(db(), scope, slug))).organization }
    : await orNotFound(organizationOfRecord(db(), scope, "pipeline", key, slug));
  if (located.kind === "several") {
    return (
      <AppShell user={user} current={path} title={`Pipeline ${key}`}>
        <OrganizationChooser
          what={`a pipeline “${key}”`}
          organizations={located.organizations}
          hrefFor={(org) => pipelinePath(org.slug, key)}
        />
      </AppShell>
    );
  }
  const { organization } = located;
  const pipeline = await getPipelineForEditor(db(), scope, { organizationId: organization.id, key }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND" && newKind.success) return null;
      throw error;
    },
  );
  if (!pipeline && !newKind.success) notFound();
  const kind = pipeline?.kind ?? (newKind.success ? newKind.data : "application");
  const newName = oneParam(query.name)?.trim().slice(0, 200);
  // A new pipeline's templates carry the name chosen on /pipelines.
  const templates =
    !pipeline && newName
      ? PIPELINE_TEMPLATES.map((t) => ({ ...t, definition: { ...t.definition, name: newName } }))
      : PIPELINE_TEMPLATES;

  return (
    <AppShell
      user={user}
      current={path}
      wide
      title={pipeline?.name ?? newName ?? "New pipeline"}
      description={
        <>
          <Badge tone={kind === "application" ? "indigo" : "neutral"}>{kind} pipeline</Badge> key{" "}
          <span className="font-mono">{key}</span> · {organization.name}
          {pipeline?.current ? ` · version ${pipeline.current.version}` : " · not saved yet"}
        </>
      }
      actions={
        <Link href={pipelinesPath(organization.slug)} className={linkClass}>
          ← All pipelines
        </Link>
      }
    >
      <PipelineEditorPanel
        initial={pipeline?.current?.definition ?? null}
        kind={kind}
        templates={templates}
        save={savePipelineAction.bind(null, organization.id, key)}
        savedHref={pipeline ? undefined : pipelinePath(organization.slug, key)}
        pipelineKey={key}
        readOnly={!canChange(user)}
      />

      <Card
        title="Version history"
        description="Every save is a new version; status changes keep the version they were made in."
      >
        {!pipeline || pipeline.versions.length === 0 ? (
          <p className="text-sm text-slate-600">No saved versions yet.</p>
        ) : (
          <Table
            columns={VERSION_COLUMNS}
            caption="Versions, newest first"
            testId="pipeline-versions"
            rows={pipeline.versions.map((v) => ({
              id: String(v.version),
              attributes: { "data-testid": "pipeline-version" },
              cells: {
                version: (
                  <>
                    <span className="font-medium text-slate-900">v{v.version}</span>{" "}
                    {v.current ? <Badge tone="green">current</Badge> : null}
                  </>
                ),
                name: v.name,
                saved: (
                  <>
                    <span className="whitespace-nowrap">{formatDateTimeSeconds(v.createdAt)}</span>
                    <span className="block text-xs text-slate-500 md:hidden">{v.createdBy}</span>
                  </>
                ),
                by: v.createdBy,
              },
            }))}
          />
        )}
      </Card>
    </AppShell>
  );
}
