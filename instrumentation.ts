// Next.js calls register() once when a server process starts: the place to start the inline delivery
// worker (Node.js runtime only; SIGNALHOUSE_WORKER=off disables it).
export async function register(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: Next.js sets NEXT_RUNTIME per runtime; it is not configuration (lib/env.ts)
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInlineWorker } = await import("./lib/runtime/inline-worker");
  startInlineWorker();
}
