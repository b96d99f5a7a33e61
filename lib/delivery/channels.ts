// The channels the product's workers serve: the inline worker, `npm run worker` and the cron route all
// take their list from here, so the engine itself imports no board. The lead wires the board channels
// (the SEEK channel from lib/seek, later LinkedIn) into this list; until then the engine runs with zero
// channels, leaves every row untouched and reports the channels nobody serves.
import type { Channel } from "./channel";

export function productionChannels(): Channel[] {
  return [];
}
