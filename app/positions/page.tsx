// /positions?org=<slug> — an organization's positions, newest first: title, ATS id, current status, SEEK
// position profile ids and number of applications. Positions come from the ATS through the API.
import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { OrganizationPicker } from "@/components/hirer/organization-picker";
import { Card } from "@/components/ui/card";
import { RecordLink } from "@/components/ui/record-link";
import { Table, type TTableColumn } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/format-date-time";
import { workingOrganization } from "@/lib/organizations/working-organization";
import { oneParam, orNotFound } from "@/lib/pages/or-not-found";
import { positionPath } from "@/lib/paths/hirer-paths";
import { listPositions } from "@/lib/positions/list-positions";

export const metadata: Metadata = { title: "Positions" };
export const dynamic = "force-dynamic";

const COLUMNS: TTableColumn<"title" | "externalId" | "status" | "seekIds" | "applications">[] = [
  { id: "title", header: "Title" },
  {
    id: "externalId",
    header: "ATS id",
    className: "hidden md:table-cell",
    cellClassName: "[overflow-wrap:anywhere] font-mono text-xs text-slate-700",
  },
  { id: "status", header: "Status", cellClassName: "[overflow-wrap:anywhere] text-slate-700" },
  {
    id: "seekIds",
    header: "SEEK ids",
    className: "hidden text-right sm:table-cell",
    cellClassName: "tabular-nums text-slate-700",
  },
  { id: "applications", header: "Applications", className: "text-right", cellClassName: "tabular-nums text-slate-700" },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PositionsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/positions");
  const scope = scopeFor(user);
  const { organization, choices } = await orNotFound(
    workingOrganization(db(), scope, oneParam((await searchParams).org)),
  );
  const positions = await listPositions(db(), scope, organization.id);
  return (
    <AppShell
      user={user}
      current="/positions"
      title="Positions"
      description={
        <>
          Job openings the ATS has told us about, newest first. Organization:{" "}
          <span className="font-medium">{organization.name}</span>
        </>
      }
    >
      {user.role === "admin" ? (
        <OrganizationPicker action="/positions" organizations={choices} selected={organization} />
      ) : null}
      <Card title="Positions" description={`${positions.length} in total`}>
        {positions.length === 0 ? (
          <p className="text-sm text-slate-600">
            No positions yet. The ATS creates them with{" "}
            <code className="font-mono">PUT /api/v1/positions/&#123;id&#125;</code>.
          </p>
        ) : (
          <Table
            columns={COLUMNS}
            caption={`Positions of ${organization.name}, newest first`}
            testId="positions"
            rows={positions.map((p) => ({
              id: p.externalId,
              attributes: { "data-testid": "position-row", "data-position-id": p.externalId },
              cells: {
                title: (
                  <RecordLink
                    href={positionPath(organization.slug, p.externalId)}
                    details={
                      <>
                        <span className="font-mono md:hidden">{p.externalId} · </span>added{" "}
                        {formatDateTime(p.createdAt)}
                      </>
                    }
                  >
                    {p.title}
                  </RecordLink>
                ),
                externalId: p.externalId,
                status: p.currentStatus ? p.currentStatus.label : <span className="text-slate-500">none</span>,
                seekIds: p.seekProfileCount,
                applications: p.applicationCount,
              },
            }))}
          />
        )}
      </Card>
    </AppShell>
  );
}
