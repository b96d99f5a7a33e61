// Acknowledge or resolve a failure group (or reopen it): one upsert of the group's mark and an audit row,
// in one transaction. The organization must be within the admin's scope; a group needs no rows to be
// marked (it may have been retried away in between), so nothing else is checked.
import { z } from "zod";
import { recordAudit } from "../../audit/record-audit";
import { narrowToOrganization, type TScope } from "../../data/scope";
import type { Db } from "../../db/client";
import { CHANNELS } from "../../delivery/channel";

export const ZFailureGroupMarkInput = z.object({
  organizationId: z.string().trim().min(1).max(100),
  channel: z.enum(CHANNELS),
  errorCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, "must be an error code such as SEEK_5XX"),
  status: z.enum(["acknowledged", "resolved", "open"]),
});
export type TFailureGroupMarkInput = z.infer<typeof ZFailureGroupMarkInput>;

export async function markFailureGroup(
  db: Db,
  scope: TScope,
  input: TFailureGroupMarkInput,
  options: { byLabel: string; now?: Date },
): Promise<void> {
  const organization = narrowToOrganization(scope, input.organizationId);
  const key = {
    organizationId: organization.organizationId,
    channel: input.channel,
    errorCode: input.errorCode,
  };
  const at = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    if (input.status === "open") {
      await tx.failureGroupMark.deleteMany({ where: key });
    } else {
      await tx.failureGroupMark.upsert({
        where: { organizationId_channel_errorCode: key },
        create: { ...key, status: input.status, at, byLabel: options.byLabel },
        update: { status: input.status, at, byLabel: options.byLabel },
      });
    }
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      organizationId: key.organizationId,
      action: `failure_group.${input.status === "open" ? "reopen" : input.status === "acknowledged" ? "acknowledge" : "resolve"}`,
      targetType: "failure_group",
      targetId: `${key.channel}:${key.errorCode}`,
      details: key,
    });
  });
}
