// Pause or resume one channel: the engine's claim skips rows of a paused channel (rows already in flight
// finish). The switch, who flipped it and when (ChannelControl) and the audit entry commit together.
// Setting the state it already has writes nothing and says so (two admins pressing at once is not an
// error). Resuming wakes the workers at commit so waiting rows go out without waiting for a poll.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import { CHANNELS, type ChannelName } from "../delivery/channel";
import { notifyWorkers } from "../delivery/run/wake";
import { AppError } from "../errors/app-error";

export const ZSetChannelPausedInput = z.object({
  channel: z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(", ")}` }),
  paused: z.enum(["true", "false"], { error: "paused must be true or false" }).transform((value) => value === "true"),
});
export type TSetChannelPausedInput = z.output<typeof ZSetChannelPausedInput>;

export type TSetChannelPausedResult = { channel: ChannelName; paused: boolean; changed: boolean; changedAt: string };

export async function setChannelPaused(
  db: Db,
  scope: TScope,
  input: TSetChannelPausedInput,
  now = new Date(),
): Promise<TSetChannelPausedResult> {
  // Pausing stops every organization's deliveries: only an administrator's all-organizations scope may.
  if (scope.kind !== "all") throw new AppError("FORBIDDEN", "Only administrators can pause or resume a channel.");
  const { channel, paused } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.channelControl.findUnique({ where: { channel } });
    if ((current?.paused ?? false) === paused) {
      return { channel, paused, changed: false, changedAt: (current?.changedAt ?? now).toISOString() };
    }
    await tx.channelControl.upsert({
      where: { channel },
      create: { channel, paused, changedBy: scope.actor, changedAt: now },
      update: { paused, changedBy: scope.actor, changedAt: now },
    });
    await recordAudit(tx, {
      actorUserId: scope.actorUserId,
      action: paused ? "channel.pause" : "channel.resume",
      targetType: "channel",
      targetId: channel,
      details: { paused, previouslyChangedBy: current?.changedBy ?? null },
    });
    if (!paused) await notifyWorkers(tx);
    return { channel, paused, changed: true, changedAt: now.toISOString() };
  });
}

export function describePauseResult(result: TSetChannelPausedResult): string {
  const verb = result.paused ? "paused" : "resumed";
  if (!result.changed) return `${result.channel} was already ${verb}.`;
  return result.paused
    ? `Paused ${result.channel}: workers stop taking its deliveries; rows already in flight finish.`
    : `Resumed ${result.channel}: waiting deliveries go out now.`;
}
