// The first admin comes from SIGNALHOUSE_ADMIN_EMAIL/PASSWORD when both are set; otherwise the app shows
// a one-time "create the first admin" page (app/setup) until an admin exists.
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";

export async function hasAnyAdmin(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "admin" } })) > 0;
}

export async function ensureFirstAdmin(
  db: Db,
  config: { email?: string; password?: string },
): Promise<"created" | "exists" | "needs-setup"> {
  if (await hasAnyAdmin(db)) return "exists";
  if (!config.email || !config.password) return "needs-setup";
  await db.user.create({
    data: {
      email: config.email.toLowerCase(),
      name: "Administrator",
      role: "admin",
      passwordHash: await hashPassword(config.password),
    },
  });
  return "created";
}
