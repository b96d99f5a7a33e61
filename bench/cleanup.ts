// Everything the bench starts (processes, servers, its database) registers how to undo it here. The
// stack runs in reverse order on success, on failure and on SIGINT/SIGTERM, so a run never leaves a
// worker, an app server or a database behind.
type Step = { label: string; run: () => Promise<void> };

const steps: Step[] = [];
let running: Promise<void> | undefined;

export function onCleanup(label: string, run: () => Promise<void>): () => void {
  const step = { label, run };
  steps.push(step);
  return () => {
    const at = steps.indexOf(step);
    if (at >= 0) steps.splice(at, 1);
  };
}

async function withTimeout(step: Step, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`[bench] cleanup "${step.label}" took over ${ms} ms; moving on`);
      resolve();
    }, ms);
  });
  try {
    await Promise.race([step.run(), timeout]);
  } catch (error) {
    console.warn(`[bench] cleanup "${step.label}" failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Undoes everything registered, newest first; safe to call more than once. */
export function cleanupAll(): Promise<void> {
  running ??= (async () => {
    for (let step = steps.pop(); step; step = steps.pop()) await withTimeout(step, 30_000);
  })();
  return running;
}

/** A second signal exits at once (what is left may then need cleaning by hand; the bench says what). */
export function cleanupOnSignals(): void {
  let signalled = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (signalled) {
        console.error(`[bench] second ${signal}: exiting without cleaning up: ${steps.map((s) => s.label).join(", ")}`);
        process.exit(130);
      }
      signalled = true;
      console.error(`[bench] ${signal}: cleaning up`);
      void cleanupAll().then(() => process.exit(130));
    });
  }
}
