// A standalone worker process exactly like `npm run worker` (same runWorkerProcess), serving the loopback
// test channel instead of the product's channels. Spawned by the multi-process delivery test with
// BOARD_URL and DATABASE_URL in its environment.
import { runWorkerProcess } from "@/lib/delivery/run/worker-process";
import { loopbackChannel } from "./loopback-channel";

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

process.exit(
  await runWorkerProcess({
    channels: () => [
      loopbackChannel({
        baseUrl: process.env.BOARD_URL ?? "http://127.0.0.1:9",
        maxBatch: number("MAX_BATCH", 100),
        maxSendMs: number("MAX_SEND_MS", 3_000),
      }),
    ],
    concurrency: number("CONCURRENCY", 2),
  }),
);
