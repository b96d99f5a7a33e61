// The channels the product's workers serve: the inline worker, `npm run worker` and the cron route all
// take their list from here, so the engine itself imports no board.
import type { Db } from "../db/client";
import type { Channel } from "../delivery/channel";
import { linkedinNoteChannelFromEnv } from "../linkedin/linkedin-note-channel";
import { seekChannelsFromEnv } from "../seek/seek-channels";

export function productionChannels(db: Db): Channel[] {
  return [...seekChannelsFromEnv(db), linkedinNoteChannelFromEnv(db)];
}
