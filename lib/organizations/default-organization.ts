// The `default` organization exists from first start: the bootstrap API key and the LINKEDIN_* variables
// belong to it, so a fresh install can be driven by scripts before anyone signs in.
import type { Db } from "../db/client";

export const DEFAULT_ORGANIZATION_SLUG = "default";

export async function ensureDefaultOrganization(db: Db): Promise<{ id: string }> {
  return db.organization.upsert({
    where: { slug: DEFAULT_ORGANIZATION_SLUG },
    create: { slug: DEFAULT_ORGANIZATION_SLUG, name: "Default organization" },
    update: {},
    select: { id: true },
  });
}
