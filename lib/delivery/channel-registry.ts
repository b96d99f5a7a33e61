// The channels a worker serves, by name. The caller registers them (lib/runtime/production-channels.ts in the
// product, loopback channels in tests), so the engine itself imports no board: rows of a channel nobody
// registered are left untouched and reported (unserved-channels.ts).
import type { Channel, ChannelName } from "./channel";

export type ChannelRegistry = {
  get(name: string): Channel | undefined;
  names(): ChannelName[];
  list(): Channel[];
};

export function createChannelRegistry(channels: readonly Channel[]): ChannelRegistry {
  const byName = new Map<string, Channel>();
  for (const channel of channels) {
    if (byName.has(channel.name)) throw new Error(`channel ${channel.name} is registered twice`);
    if (!Number.isInteger(channel.maxBatch) || channel.maxBatch < 1) {
      throw new Error(`channel ${channel.name}: maxBatch must be a positive integer`);
    }
    if (!(channel.maxSendMs > 0)) throw new Error(`channel ${channel.name}: maxSendMs must be positive`);
    byName.set(channel.name, channel);
  }
  const list = [...byName.values()];
  return {
    get: (name) => byName.get(name),
    names: () => list.map((c) => c.name),
    list: () => list,
  };
}

export function isChannelRegistry(value: ChannelRegistry | readonly Channel[]): value is ChannelRegistry {
  return !Array.isArray(value);
}

export function toChannelRegistry(value: ChannelRegistry | readonly Channel[]): ChannelRegistry {
  return isChannelRegistry(value) ? value : createChannelRegistry(value as readonly Channel[]);
}
