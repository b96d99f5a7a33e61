// The worker loop's sleep: it returns early on a wake-up, and a wake-up that arrives while the worker is
// busy is kept, so a delivery committed during a claim is not left for the next poll.
export type WakeReason = "wake" | "timer" | "abort";

export class WakeLatch {
  private pending = false;
  private release: ((reason: WakeReason) => void) | undefined;

  set(): void {
    if (this.release) this.release("wake");
    else this.pending = true;
  }

  /** Forgets a wake-up that the work about to start will cover anyway. */
  clear(): void {
    this.pending = false;
  }

  wait(ms: number, signal: AbortSignal): Promise<WakeReason> {
    if (signal.aborted) return Promise.resolve("abort");
    if (this.pending) {
      this.pending = false;
      return Promise.resolve("wake");
    }
    return new Promise((resolve) => {
      const done = (reason: WakeReason) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.release = undefined;
        resolve(reason);
      };
      const onAbort = () => done("abort");
      const timer = setTimeout(() => done("timer"), Math.max(0, ms));
      signal.addEventListener("abort", onAbort, { once: true });
      this.release = done;
    });
  }
}
