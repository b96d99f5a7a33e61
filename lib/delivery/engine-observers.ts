// What the runtime may hang on the engine without the engine knowing it: the operational webhooks
// (lib/webhooks) hear about every state transition and run periodic checks, but the engine sits below
// them in the layers (docs/architecture.md), so it takes them as values, like its channels.
import type { Db } from "../db/client";
import type { DbTx } from "../db/tx";

export type DeliveryTransitionNote = { id: string; state: string };

export type TransitionObserver = {
  /** the states it wants to hear about: a batch with none of them costs the engine nothing */
  states: readonly string[];
  /**
   * Runs inside the transaction that records a batch's outcomes, with the transitions (of rows still
   * held) into `states`, so what it writes commits exactly with the state it reports. Returns how many
   * outbox rows it queued (the engine then wakes the workers).
   */
  record(tx: DbTx, transitions: DeliveryTransitionNote[], channel: string, now: Date): Promise<number>;
};

export type EngineObservers = {
  onTransitions?: TransitionObserver;
  /** Work the long-lived worker loop runs every `everyMs` (never the one-shot drainOnce). */
  periodic?: readonly { name: string; everyMs: number; run(db: Db, now: Date): Promise<unknown> }[];
};
