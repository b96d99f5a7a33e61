// An admin (and their all-organizations scope) plus one organization, for tests of admin reads and actions.
import type { TAllOrganizationsScope } from "@/lib/data/scope";
import type { Db } from "@/lib/db/client";

export async function seedAdminAndOrganization(db: Db): Promise<{ admin: TAllOrganizationsScope; org: string }> {
  const user = await db.user.create({ data: { email: "ops@x.test", name: "Ops", role: "admin", passwordHash: "x" } });
  const org = await db.organization.create({ data: { slug: "acme", name: "Acme" } });
  return { admin: { kind: "all", actor: `user:${user.id}`, actorUserId: user.id }, org: org.id };
}
