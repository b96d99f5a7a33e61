// The channels the product's workers serve: the inline worker, `npm run worker` and the cron route all
// take their list from here, so the engine itself imports no board. The lead wires the board channels
// into this list (lib/seek's seekChannelsFromEnv(db), lib/linkedin's linkedinNoteChannelFromEnv(db));
// until then the engine runs with zero channels, leaves every row untouched and reports the channels
// nobody serves.
import type { Db } from "../db/client";
import type { Channel } from "./channel";

export function productionChannels(_db: Db): Channel[] {
  return [];
}
