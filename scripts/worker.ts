// npm run worker: a standalone delivery worker on PostgreSQL (run as many as you like; they share the
// outbox through leases). See lib/delivery/run/worker-process.ts.

import { db } from "../lib/db/client";
import { runWorkerProcess } from "../lib/delivery/run/worker-process";
import { productionChannels, productionObservers } from "../lib/runtime/production-channels";

// db() only builds the client; runWorkerProcess checks the configuration before anything connects.
process.exit(await runWorkerProcess({ channels: () => productionChannels(db()), observers: productionObservers() }));
