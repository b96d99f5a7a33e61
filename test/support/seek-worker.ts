// A standalone worker process exactly like `npm run worker` (same runWorkerProcess) serving the
// product's SEEK channels built by seekChannelsFromEnv, for the multi-process full-stack test: the
// environment points SEEK_* at the SEEK mock and DATABASE_URL at the test's PostgreSQL. MAX_SEND_MS
// shortens the engine's send deadline; the lease is SIGNALHOUSE_LEASE's (10 s unless set).
import { db } from "@/lib/db/client";
import { runWorkerProcess } from "@/lib/delivery/run/worker-process";
import { seekChannelsFromEnv } from "@/lib/seek/seek-channels";

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

process.exit(
  await runWorkerProcess({
    channels: () =>
      seekChannelsFromEnv(db()).map((channel) => ({
        ...channel,
        maxSendMs: number("MAX_SEND_MS", channel.maxSendMs),
      })),
    concurrency: number("CONCURRENCY", 4),
  }),
);
