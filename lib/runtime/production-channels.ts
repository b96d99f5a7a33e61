// The channels (and engine observers) the product's workers serve: the inline worker, `npm run worker` and the cron route all
// take their list from here, so the engine itself imports no board.
import type { Db } from "../db/client";
import type { Channel } from "../delivery/channel";
import type { EngineObservers } from "../delivery/engine-observers";
import { linkedinNoteChannelFromEnv } from "../linkedin/linkedin-note-channel";
import { seekChannelsFromEnv } from "../seek/seek-channels";
import { webhookChannelFromEnv } from "../webhooks/webhook-channel";
import { WEBHOOK_OBSERVERS } from "../webhooks/webhook-observers";

export function productionChannels(db: Db): Channel[] {
  // the webhook channel last: each claim round serves the boards first (docs/decisions/0147)
  return [...seekChannelsFromEnv(db), linkedinNoteChannelFromEnv(db), webhookChannelFromEnv(db)];
}

/** What every production worker hangs on the engine: the operational webhooks' hooks. */
export function productionObservers(): EngineObservers {
  return WEBHOOK_OBSERVERS;
}
