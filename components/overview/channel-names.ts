// How the overview names and explains each channel. Names come from the hirer pages' list so a channel
// reads the same everywhere; the overview adds what each one carries.
import { channelName } from "@/components/hirer/board-names";
import type { ChannelName } from "@/lib/delivery/channel";

export { channelName };

export const CHANNEL_PURPOSE: Record<ChannelName, string> = {
  "seek-signal": "Application and position status signals to SEEK.",
  "seek-history": "Candidate process history items; SEEK expects each within 60 s.",
  "linkedin-note": "Application notes to LinkedIn.",
  webhook: "Operational events (failed deliveries, missed deadlines) to the ATS's webhooks.",
};
