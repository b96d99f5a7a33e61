// Small helpers for the overview's grouped queries: counts come back from SQL as bigint, and each query
// answers only for the channels that had rows, so results are looked up by channel with zero as default.
export function toCount(value: bigint | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function byChannel<T extends { channel: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.channel, row]));
}
