// Failed attempts as a share of attempts, for the overview. No attempts means no rate (not 0 %): a channel
// that sent nothing in the last hour has not proven anything either way.
export function errorRate(attempts: { total: number; failed: number }): number | null {
  return attempts.total === 0 ? null : attempts.failed / attempts.total;
}

/** "0 %", "0.4 %", "12 %", "100 %"; "—" without attempts. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const percent = rate * 100;
  if (percent === 0 || percent >= 10) return `${Math.round(percent)} %`;
  return `${Math.max(0.1, Math.round(percent * 10) / 10)} %`;
}
