// Which organization a hirer page works in (docs/decisions/0060-hirer-pages-organization.md). A hirer
// always works in their own; an admin names one with `?org=<slug>`, or, on a page about one record, is
// sent to the only organization that holds that ATS id. Everything here goes through the scope, so a
// hirer naming another organization's slug gets NOT_FOUND, as if it did not exist.
import { inScope, organizationsInScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";

export type TOrganizationRef = { id: string; slug: string; name: string };

const REF_SELECT = { id: true, slug: true, name: true } as const;

/** The organizations the caller can choose between: all for an admin, their own for a hirer. */
export async function selectableOrganizations(db: DbOrTx, scope: TScope): Promise<TOrganizationRef[]> {
  return db.organization.findMany({
    where: organizationsInScope(scope),
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: REF_SELECT,
  });
}

/** The organization with this slug, if the caller may see it; NOT_FOUND otherwise. */
export async function organizationBySlug(db: DbOrTx, scope: TScope, slug: string): Promise<TOrganizationRef> {
  const org = await db.organization.findFirst({ where: organizationsInScope(scope, { slug }), select: REF_SELECT });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  return org;
}

/**
 * The organization a list page shows: the requested one, else the caller's first (a hirer's own; for an
 * admin the oldest, which is the `default` organization the bootstrap key writes to).
 */
export async function workingOrganization(
  db: DbOrTx,
  scope: TScope,
  requestedSlug: string | undefined,
): Promise<{ organization: TOrganizationRef; choices: TOrganizationRef[] }> {
  const choices = await selectableOrganizations(db, scope);
  const organization = requestedSlug ? choices.find((org) => org.slug === requestedSlug) : choices[0];
  if (!organization) throw new AppError("NOT_FOUND", "No such organization.");
  return { organization, choices };
}

export type THeldKind = "position" | "application" | "pipeline";

/** The organizations in scope that hold a record with this ATS id (pipelines: key). */
export async function organizationsHolding(
  db: DbOrTx,
  scope: TScope,
  kind: THeldKind,
  id: string,
): Promise<TOrganizationRef[]> {
  const select = { organization: { select: REF_SELECT } } as const;
  const rows =
    kind === "position"
      ? await db.position.findMany({ where: inScope(scope, { externalId: id }), select, take: 50 })
      : kind === "application"
        ? await db.application.findMany({ where: inScope(scope, { externalId: id }), select, take: 50 })
        : await db.pipeline.findMany({ where: inScope(scope, { key: id }), select, take: 50 });
  return rows.map((row) => row.organization).sort((a, b) => a.slug.localeCompare(b.slug));
}

export type TRecordOrganization =
  | { kind: "one"; organization: TOrganizationRef }
  | { kind: "several"; organizations: TOrganizationRef[] };

/**
 * The organization a page about one record works in: the one named by `?org=`, else the only one holding
 * the id. Several → the page asks which; none → NOT_FOUND.
 */
export async function organizationOfRecord(
  db: DbOrTx,
  scope: TScope,
  kind: THeldKind,
  id: string,
  requestedSlug: string | undefined,
): Promise<TRecordOrganization> {
  if (requestedSlug) return { kind: "one", organization: await organizationBySlug(db, scope, requestedSlug) };
  const holding = await organizationsHolding(db, scope, kind, id);
  const [only] = holding;
  if (!only) throw new AppError("NOT_FOUND", `No ${kind} ${id}.`);
  return holding.length === 1 ? { kind: "one", organization: only } : { kind: "several", organizations: holding };
}
