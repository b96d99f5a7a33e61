// What every write answers (spec: 202 `{ id, deliveries }`) once the event and its outbox rows committed.
import type { QueuedDelivery } from "../delivery/enqueue/enqueue-delivery";

export type WriteResult = { id: string; deliveries: QueuedDelivery[] };

export type Actor = string; // "user:<id>", "apikey:<id>" or "system"
