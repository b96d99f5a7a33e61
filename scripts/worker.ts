// npm run worker: a standalone delivery worker on PostgreSQL (run as many as you like; they share the
// outbox through leases). See lib/delivery/worker-process.ts.
import { productionChannels } from "../lib/delivery/channels";
import { runWorkerProcess } from "../lib/delivery/worker-process";

process.exit(await runWorkerProcess({ channels: productionChannels() }));
