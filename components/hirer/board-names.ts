// Channel and kind names as the hirer pages show them.
const CHANNELS: Record<string, string> = {
  "seek-signal": "SEEK signal",
  "seek-history": "SEEK history",
  "linkedin-note": "LinkedIn note",
  webhook: "ATS webhook",
};

export function channelName(channel: string): string {
  return CHANNELS[channel] ?? channel;
}
