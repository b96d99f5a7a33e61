// /positions/:positionId?org=<slug> — one position (by the ATS's id): pipelines, SEEK position profile
// ids, the apply link for SEEK ads, its status with a "Move to" control, its applications, its status
// history and what the job boards were sent about it (state only).
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { Facts } from "@/components/hirer/facts";
import { LiveDeliveries } from "@/components/hirer/live-deliveries";
import { OrganizationChooser } from "@/components/hirer/organization-chooser";
import { StatusHistoryTable } from "@/components/hirer/status-history-table";
import { StatusMoveForm } from "@/components/hirer/status-move-form";
import { VersionLagNotice } from "@/components/hirer/version-lag-notice";
import { QueryProvider } from "@/components/providers/query-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RecordLink } from "@/components/ui/record-link";
import { linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { movePositionStatusAction } from "@/lib/actions/move-position-status";
import { requireUser } from "@/lib/auth/guards";
import { canChange } from "@/lib/auth/roles";
import { applyLinkFor } from "@/lib/captures/apply-link";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime, formatDateTimeSeconds } from "@/lib/format/format-date-time";
import { publicOrigin } from "@/lib/http/public-origin";
import { organizationOfRecord } from "@/lib/organizations/working-organization";
import { oneParam, orNotFound } from "@/lib/pages/or-not-found";
import { applicationPath, pipelinePath, positionPath, positionsPath } from "@/lib/paths/hirer-paths";
import { getPositionDetail, type TPipelineLink } from "@/lib/positions/get-position-detail";

export const metadata: Metadata = { title: "Position" };
export const dynamic = "force-dynamic";

const APPLICATION_COLUMNS: TTableColumn<"candidate" | "status" | "seekToken" | "added">[] = [
  { id: "candidate", header: "Candidate" },
  { id: "status", header: "Status", cellClassName: "[overflow-wrap:anywhere] text-slate-700" },
  { id: "seekToken", header: "SEEK token" },
  {
    id: "added",
    header: "Added",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
];

type Params = Promise<{ positionId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PositionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { positionId } = await params;
  const path = `/positions/${encodeURIComponent(positionId)}`;
  const user = await requireUser(path);
  const scope = scopeFor(user);
  const located = await orNotFound(
    organizationOfRecord(db(), scope, "position", positionId, oneParam((await searchParams).org)),
  );
  if (located.kind === "several") {
    return (
      <AppShell user={user} current={path} title={`Position ${positionId}`}>
        <OrganizationChooser
          what={`a position with ATS id “${positionId}”`}
          organizations={located.organizations}
          hrefFor={(org) => positionPath(org.slug, positionId)}
        />
      </AppShell>
    );
  }
  const { organization } = located;
  const position = await orNotFound(getPositionDetail(db(), scope, { organizationId: organization.id, positionId }));
  const apply = applyLinkFor(position, organization, await publicOrigin());
  const pipelineLink = (p: TPipelineLink | null) =>
    p ? (
      <Link href={pipelinePath(organization.slug, p.key)} className={linkClass}>
        {p.name}
      </Link>
    ) : (
      <span className="text-slate-500">none</span>
    );

  return (
    <AppShell
      user={user}
      current={path}
      title={position.title}
      description={
        <>
          ATS id <span className="font-mono">{position.externalId}</span> · {organization.name} · added{" "}
          {formatDateTime(position.createdAt)}
        </>
      }
      actions={
        <Link href={positionsPath(organization.slug)} className={linkClass}>
          ← All positions
        </Link>
      }
    >
      <Card title="Position">
        <Facts
          items={[
            {
              label: "Current status",
              testId: "current-status",
              value: position.currentStatus ? (
                <>
                  <span className="font-medium">{position.currentStatus.label}</span>{" "}
                  <span className="text-slate-500">since {formatDateTimeSeconds(position.currentStatus.at)}</span>
                </>
              ) : (
                <span className="text-slate-500">none yet</span>
              ),
            },
            { label: "Position pipeline", value: pipelineLink(position.pipeline) },
            { label: "Application pipeline", value: pipelineLink(position.applicationPipeline) },
            {
              label: "SEEK position profile ids",
              testId: "seek-profiles",
              value:
                position.seekProfiles.length === 0 ? (
                  <span className="text-slate-500">none: not advertised on SEEK</span>
                ) : (
                  <ul className="space-y-1">
                    {position.seekProfiles.map((p) => (
                      <li key={p.profileId}>
                        <span className="font-mono text-xs">{p.profileId}</span>{" "}
                        <span className="text-xs text-slate-500">
                          since {formatDateTime(p.firstSeenAt)} ·{" "}
                          {p.expired ? "expired" : `usable until ${formatDateTime(p.expiresAt)}`}
                        </span>
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              label: "Apply link for SEEK ads",
              testId: "apply-link",
              value: (
                <>
                  <code className="block rounded border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs">
                    {apply}
                  </code>
                  <span className="mt-1 block text-xs text-slate-500">
                    Give this link to SEEK as the ad&apos;s apply address: it records the candidate&apos;s seek-token
                    and sends them on to the ATS form below.
                  </span>
                </>
              ),
            },
            {
              label: "ATS apply form",
              value: <span className="font-mono text-xs">{position.applyUrl}</span>,
            },
          ]}
        />
        <VersionLagNotice lag={position.versionLag} />
      </Card>

      <Card title="Move the position" description="Job boards are told about the change, as when the ATS makes it.">
        {!canChange(user) ? (
          <p className="text-sm text-slate-600">View only: your ATS opened this page read-only.</p>
        ) : position.move.available ? (
          <StatusMoveForm
            action={movePositionStatusAction}
            hidden={{ organizationId: organization.id, positionId: position.externalId }}
            choices={position.move.choices}
            preselected={position.move.preselected}
            ariaLabel="Move the position"
          />
        ) : (
          <p className="text-sm text-slate-600">{position.move.reason}</p>
        )}
      </Card>

      <Card title="Applications" description={`${position.applications.length} in total, newest first`}>
        {position.applications.length === 0 ? (
          <p className="text-sm text-slate-600">No applications yet.</p>
        ) : (
          <Table
            columns={APPLICATION_COLUMNS}
            caption="Applications, newest first"
            testId="applications"
            rows={position.applications.map((a) => ({
              id: a.externalId,
              attributes: { "data-testid": "application-row", "data-application-id": a.externalId },
              cells: {
                candidate: (
                  <RecordLink
                    href={applicationPath(organization.slug, a.externalId)}
                    details={a.externalId}
                    detailsClassName="font-mono"
                  >
                    {a.candidateName ?? a.externalId}
                  </RecordLink>
                ),
                status: a.currentStatus?.label ?? <span className="text-slate-500">none</span>,
                seekToken: (
                  <>
                    {a.hasSeekToken ? <Badge tone="green">yes</Badge> : <Badge>no</Badge>}
                    {a.hasOptimisedApplyId ? (
                      <span className="ml-1">
                        <Badge tone="indigo">Optimised Apply</Badge>
                      </span>
                    ) : null}
                  </>
                ),
                added: formatDateTime(a.createdAt),
              },
            }))}
          />
        )}
      </Card>

      <Card title="Status history">
        <StatusHistoryTable changes={position.history} />
      </Card>

      <Card title="Sent to job boards" description="Updates about this position and where they stand.">
        <QueryProvider>
          <LiveDeliveries
            initial={position.deliveries}
            source={{ org: organization.slug, positionId: position.externalId }}
            empty="Nothing sent about this position yet."
            retry={canChange(user)}
            linkToDelivery={user.role === "admin"}
          />
        </QueryProvider>
      </Card>
    </AppShell>
  );
}
