// /positions?org=<slug> — an organization's positions, newest first: title, ATS id, current status, SEEK
// position profile ids and number of applications. Positions come from the ATS through the API.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { OrganizationPicker } from "@/components/hirer/organization-picker";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
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
          <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
            <table className="min-w-full text-left text-sm" data-testid="positions">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium sm:px-5">Title</th>
                  <th className="hidden px-4 py-2 font-medium md:table-cell">ATS id</th>
                  <th className="px-4 py-2 font-medium">Status</th>
                  <th className="hidden px-4 py-2 text-right font-medium sm:table-cell">SEEK ids</th>
                  <th className="px-4 py-2 text-right font-medium sm:pr-5">Applications</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {positions.map((p) => (
                  <tr key={p.externalId} data-testid="position-row" data-position-id={p.externalId}>
                    <td className="px-4 py-3 sm:px-5">
                      <Link
                        href={positionPath(organization.slug, p.externalId)}
                        className={`${linkClass} [overflow-wrap:anywhere]`}
                      >
                        {p.title}
                      </Link>
                      <p className="mt-0.5 text-xs text-slate-500 [overflow-wrap:anywhere]">
                        <span className="font-mono md:hidden">{p.externalId} · </span>added{" "}
                        {formatDateTime(p.createdAt)}
                      </p>
                    </td>
                    <td className="hidden px-4 py-3 font-mono text-xs text-slate-700 [overflow-wrap:anywhere] md:table-cell">
                      {p.externalId}
                    </td>
                    <td className="px-4 py-3 text-slate-700 [overflow-wrap:anywhere]">
                      {p.currentStatus ? p.currentStatus.label : <span className="text-slate-500">none</span>}
                    </td>
                    <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">
                      {p.seekProfileCount}
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums text-slate-700 sm:pr-5">{p.applicationCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </AppShell>
  );
}
