// "in 3 min", "12 s ago": how far a moment is from now, for live pages. Rounded down to a unit a person
// reads at a glance; the exact UTC time stays beside it (lib/format/format-date-time).
const UNITS = [
  { ms: 86_400_000, label: "d" },
  { ms: 3_600_000, label: "h" },
  { ms: 60_000, label: "min" },
  { ms: 1_000, label: "s" },
] as const;

export function formatRelative(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 1_000) return "now";
  const unit = UNITS.find((u) => abs >= u.ms) ?? UNITS[UNITS.length - 1]!;
  const amount = Math.floor(abs / unit.ms);
  return diff > 0 ? `in ${amount} ${unit.label}` : `${amount} ${unit.label} ago`;
}

/** "updated 4 s ago" for a poll that finished at `at` (never in the future, whatever the clocks say). */
export function formatAge(at: Date, now: Date): string {
  const age = Math.max(0, now.getTime() - at.getTime());
  return age < 1_000 ? "just now" : formatRelative(new Date(now.getTime() - age), now);
}
