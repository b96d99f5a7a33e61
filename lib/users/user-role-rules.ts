// What a role change and a lock-out must respect, as pure rules so they are tested without a database:
// a hirer belongs to exactly one organization and an admin to none, and the app always keeps at least
// one active admin (otherwise nobody could add users, keys or organizations again without a database shell).
import { z } from "zod";
import { AppError } from "../errors/app-error";

export const ZChangeUserRoleInput = z
  .object({
    userId: z.string().trim().min(1, "Choose a user"),
    role: z.enum(["admin", "hirer"], "Choose a role"),
    organizationId: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
  })
  .refine((input) => input.role === "admin" || input.organizationId, {
    path: ["organizationId"],
    message: "A hirer needs an organization: choose one",
  })
  // An admin sees every organization; an organization sent with the admin role is dropped, not stored.
  .transform((input) => ({
    userId: input.userId,
    role: input.role,
    organizationId: input.role === "hirer" ? (input.organizationId ?? null) : null,
  }));
export type TChangeUserRoleInput = z.infer<typeof ZChangeUserRoleInput>;

export type TAdminCensus = {
  /** the user the change is about */
  target: { role: "admin" | "hirer"; active: boolean };
  /** active admins right now, the target included if they are one */
  activeAdmins: number;
};

/** Whether the change leaves the target an active admin (a deactivation or demotion does not). */
export type TAdminChange = { kind: "demote" } | { kind: "deactivate" };

/**
 * Refuses a demotion or deactivation that would leave no active admin. Demoting a hirer, or changing an
 * inactive admin, never removes an active admin, so it is always allowed.
 */
export function assertKeepsAnActiveAdmin(census: TAdminCensus, change: TAdminChange): void {
  const removesAnActiveAdmin = census.target.role === "admin" && census.target.active;
  if (!removesAnActiveAdmin || census.activeAdmins > 1) return;
  throw new AppError(
    "UNPROCESSABLE",
    change.kind === "demote"
      ? "This is the last active administrator: make another user an administrator first, then change this one."
      : "This is the last active administrator: make another user an administrator first, then deactivate this one.",
  );
}
