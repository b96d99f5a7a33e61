// Each channel's pause switch, with who last changed it as a name a person recognises. ChannelControl
// stores the actor as "user:<id>" (the Event.actor format); a row that was never written means running.
import type { ChannelName } from "../delivery/channel";
import type { DbClient } from "../delivery/sql";
import type { TChannelControlView } from "./overview-types";

const RUNNING: TChannelControlView = { paused: false, changedBy: null, changedAt: null };

export async function readChannelControls(db: DbClient): Promise<(channel: ChannelName) => TChannelControlView> {
  const controls = await db.channelControl.findMany();
  const userIds = controls.flatMap((control) =>
    control.changedBy?.startsWith("user:") ? [control.changedBy.slice("user:".length)] : [],
  );
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
    : [];
  const names = new Map(users.map((user) => [`user:${user.id}`, user.name || user.email]));
  const byChannel = new Map(
    controls.map((control) => [
      control.channel,
      {
        paused: control.paused,
        changedBy: control.changedBy ? (names.get(control.changedBy) ?? control.changedBy) : null,
        changedAt: control.changedAt.toISOString(),
      },
    ]),
  );
  return (channel) => byChannel.get(channel) ?? RUNNING;
}
