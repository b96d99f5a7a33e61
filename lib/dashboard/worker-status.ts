// Whether a worker is alive, by its heartbeat alone: it stopped cleanly (stoppedAt), it beat within the
// liveness window /api/health uses, or it went quiet without stopping (killed, hung, host gone).
import type { TWorkerStatus } from "./overview-types";

export function workerStatus(
  beat: { lastBeatAt: Date; stoppedAt: Date | null },
  now: Date,
  livenessMs: number,
): TWorkerStatus {
  if (beat.stoppedAt) return "stopped";
  return now.getTime() - beat.lastBeatAt.getTime() <= livenessMs ? "alive" : "stale";
}
