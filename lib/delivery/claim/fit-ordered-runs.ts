// How many claimed heads of ordering keys a claim round keeps, when each head brings its run along
// (extend-ordered-runs.ts). A claim round may hold at most `budget` rows (its batch slots × maxBatch):
// heads are kept in claim order while their whole run (the head and up to maxRun − 1 followers) still
// fits, and the rest are given back unsent, to be claimed again at once. Without this a claim of 400
// heads of LinkedIn applications with long backlogs held 400 runs of 100, 40,000 rows sent as 400
// concurrent batches, whatever the worker's concurrency and the destination's in-flight limit.

export type RunFit<T> = { keep: T[]; giveBack: T[] };

export function fitOrderedRuns<T extends { id: string }>(
  heads: readonly T[],
  followers: ReadonlyMap<string, number>,
  options: { maxRun: number; budget: number },
): RunFit<T> {
  const maxRun = Math.max(1, Math.floor(options.maxRun));
  const keep: T[] = [];
  const giveBack: T[] = [];
  let rows = 0;
  for (const head of heads) {
    const run = Math.min(maxRun, 1 + (followers.get(head.id) ?? 0));
    // The first head always stays: a claim that kept nothing would make no progress.
    if (keep.length === 0 || rows + run <= options.budget) {
      keep.push(head);
      rows += run;
    } else giveBack.push(head);
  }
  return { keep, giveBack };
}
