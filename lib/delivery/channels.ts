// The channels the product's workers serve: the inline worker, `npm run worker` and the cron route all
// take their list from here, so the engine itself imports no board.
import type { Db } from "../db/client";
import { linkedinNoteChannelFromEnv } from "../linkedin/linkedin-note-channel";
import { seekChannelsFromEnv } from "../seek/seek-channels";
import { webhookChannelFromEnv } from "../webhooks/webhook-channel";
import type { Channel } from "./channel";

export function productionChannels(db: Db): Channel[] {
  // the webhook channel last: each claim round serves the boards first (docs/decisions/0147)
  return [...seekChannelsFromEnv(db), linkedinNoteChannelFromEnv(db), webhookChannelFromEnv(db)];
}
