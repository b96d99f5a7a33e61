// The position an apply link reaches. With an organization named, only that organization's position with
// that ATS id: never another organization's, and never an internal id. Without one (links handed out
// before the organization was in the path), the organization that owned the id first: the earliest
// position whose ATS id or internal id it is. A position created later by another organization with the
// same id, or with an id equal to someone's internal id, can therefore neither take nor break a link
// already in an ad (docs/decisions/0123-apply-link-form.md).
import type { DbOrTx } from "../db/tx";
import type { TApplyTarget } from "./apply-target";

const SELECT = { id: true, organizationId: true, applyUrl: true } as const;

export type TApplyPosition = { id: string; organizationId: string; applyUrl: string };

export async function findApplyPosition(db: DbOrTx, target: TApplyTarget): Promise<TApplyPosition | null> {
  if (target.kind === "organization") {
    return db.position.findFirst({
      where: { externalId: target.positionId, organization: { slug: target.orgSlug } },
      select: SELECT,
    });
  }
  return db.position.findFirst({
    where: { OR: [{ externalId: target.positionId }, { id: target.positionId }] },
    // Ties on createdAt are all but impossible; the id makes the choice stable if one ever happens.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: SELECT,
  });
}
