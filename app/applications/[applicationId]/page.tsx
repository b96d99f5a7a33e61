// /applications/:applicationId?org=<slug> — one application (by the ATS's id): candidate, position,
// current status and what SEEK receives for it, the SEEK identifiers (the seek-token only as a short
// prefix), a "Move to" control, the status history, and what the job boards were sent (state only).
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { Facts } from "@/components/hirer/facts";
import { LiveDeliveries } from "@/components/hirer/live-deliveries";
import { OrganizationChooser } from "@/components/hirer/organization-chooser";
import { SeekStateSummary } from "@/components/hirer/seek-state-summary";
import { StatusHistoryTable } from "@/components/hirer/status-history-table";
import { StatusMoveForm } from "@/components/hirer/status-move-form";
import { VersionLagNotice } from "@/components/hirer/version-lag-notice";
import { QueryProvider } from "@/components/providers/query-provider";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { moveApplicationStatusAction } from "@/lib/actions/move-application-status";
import { getApplicationDetail, type TIdentifierLife } from "@/lib/applications/get-application-detail";
import { requireUser } from "@/lib/auth/guards";
import { canChange } from "@/lib/auth/roles";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime, formatDateTimeSeconds } from "@/lib/format/format-date-time";
import { organizationOfRecord } from "@/lib/organizations/working-organization";
import { oneParam, orNotFound } from "@/lib/pages/or-not-found";
import { applicationPath, pipelinePath, positionPath } from "@/lib/paths/hirer-paths";

export const metadata: Metadata = { title: "Application" };
export const dynamic = "force-dynamic";

type Params = Promise<{ applicationId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Life({ life }: { life: TIdentifierLife }) {
  return life.expired ? (
    <Badge tone="red">expired {formatDateTime(life.expiresAt)}: SEEK no longer accepts it</Badge>
  ) : (
    <Badge tone="green">valid until {formatDateTime(life.expiresAt)}</Badge>
  );
}

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { applicationId } = await params;
  const path = `/applications/${encodeURIComponent(applicationId)}`;
  const user = await requireUser(path);
  const scope = scopeFor(user);
  const located = await orNotFound(
    organizationOfRecord(db(), scope, "application", applicationId, oneParam((await searchParams).org)),
  );
  if (located.kind === "several") {
    return (
      <AppShell user={user} current={path} title={`Application ${applicationId}`}>
        <OrganizationChooser
          what={`an application with ATS id “${applicationId}”`}
          organizations={located.organizations}
          hrefFor={(org) => applicationPath(org.slug, applicationId)}
        />
      </AppShell>
    );
  }
  const { organization } = located;
  const app = await orNotFound(getApplicationDetail(db(), scope, { organizationId: organization.id, applicationId }));
  const current = app.currentStatus;

  return (
    <AppShell
      user={user}
      current="/positions"
      title={app.candidate?.name ?? `Application ${app.externalId}`}
      description={
        <>
          Application <span className="font-mono">{app.externalId}</span> for{" "}
          <Link href={positionPath(organization.slug, app.position.externalId)} className={linkClass}>
            {app.position.title}
          </Link>{" "}
          · {organization.name}
        </>
      }
    >
      <Card title="Application">
        <Facts
          items={[
            {
              label: "Candidate",
              testId: "candidate",
              value: app.candidate ? (
                <>
                  {app.candidate.name}
                  {app.candidate.email ? <span className="block text-slate-500">{app.candidate.email}</span> : null}
                </>
              ) : (
                <span className="text-slate-500">unknown</span>
              ),
            },
            {
              label: "Position",
              value: (
                <Link href={positionPath(organization.slug, app.position.externalId)} className={linkClass}>
                  {app.position.title}
                </Link>
              ),
            },
            {
              label: "Application pipeline",
              value: app.applicationPipeline ? (
                <Link href={pipelinePath(organization.slug, app.applicationPipeline.key)} className={linkClass}>
                  {app.applicationPipeline.name}
                </Link>
              ) : (
                <span className="text-slate-500">none</span>
              ),
            },
            {
              label: "Current status",
              testId: "current-status",
              value: current ? (
                <>
                  <span className="font-medium">{current.label}</span>{" "}
                  <span className="text-slate-500">since {formatDateTimeSeconds(current.at)}</span>
                </>
              ) : (
                <span className="text-slate-500">none yet</span>
              ),
            },
            {
              label: "What SEEK receives",
              value: current?.seek ? (
                <SeekStateSummary state={current.seek} />
              ) : (
                <span className="text-slate-500">nothing yet: no status</span>
              ),
            },
            { label: "Added", value: formatDateTime(app.createdAt) },
            ...(app.completedAt ? [{ label: "Application completed", value: formatDateTime(app.completedAt) }] : []),
          ]}
        />
        <VersionLagNotice lag={app.versionLag} />
      </Card>

      <Card title="SEEK identifiers" description="SEEK accepts signals for 180 days from when it issued an identifier.">
        <Facts
          items={[
            {
              label: "seek-token",
              testId: "seek-token",
              value: app.seekToken ? (
                <>
                  <span className="font-mono">{app.seekToken.prefix}</span>{" "}
                  <span className="text-slate-500">
                    captured {formatDateTimeSeconds(app.seekToken.since)} (
                    {app.seekToken.source === "redirect" ? "apply link" : "from the ATS"})
                  </span>
                  <span className="mt-1 block">
                    <Life life={app.seekToken} />
                  </span>
                </>
              ) : (
                <span className="text-slate-500">none: the candidate did not come through a SEEK apply link</span>
              ),
            },
            {
              label: "Optimised Apply",
              value: app.optimisedApply ? (
                <>
                  <span>yes</span>{" "}
                  <span className="mt-1 block">
                    <Life life={app.optimisedApply} />
                  </span>
                </>
              ) : (
                <span className="text-slate-500">no</span>
              ),
            },
          ]}
        />
      </Card>

      <Card title="Move the application" description="Job boards are told about the change, as when the ATS makes it.">
        {!canChange(user) ? (
          <p className="text-sm text-slate-600">View only: your ATS opened this page read-only.</p>
        ) : app.move.available ? (
          <StatusMoveForm
            action={moveApplicationStatusAction}
            hidden={{ organizationId: organization.id, applicationId: app.externalId }}
            choices={app.move.choices}
            preselected={app.move.preselected}
            ariaLabel="Move the application"
          />
        ) : (
          <p className="text-sm text-slate-600">{app.move.reason}</p>
        )}
      </Card>

      <Card title="Status history">
        <StatusHistoryTable changes={app.history} />
      </Card>

      <Card title="Sent to job boards" description="Updates about this application and where they stand.">
        <QueryProvider>
          <LiveDeliveries
            initial={app.deliveries}
            source={{ org: organization.slug, applicationId: app.externalId }}
            empty="Nothing sent about this application yet."
            retry={canChange(user)}
            linkToDelivery={user.role === "admin"}
          />
        </QueryProvider>
      </Card>
    </AppShell>
  );
}
