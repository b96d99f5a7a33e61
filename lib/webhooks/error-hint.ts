// What the ATS or hirer can do about a delivery error, in plain words. One small table kept in this one
// file so it can later point at the shared hint table of the reading-back API (contract "Reading back").
const HINTS: [RegExp, string][] = [
  [
    /token.*not valid|invalid.*token/i,
    "Send the seek-token exactly as captured, or a fresh one from a new application.",
  ],
  [/IDENTIFIER_EXPIRED|expired/i, "The identifier is older than SEEK's 180 days; nothing more can be sent for it."],
  [/FORBIDDEN|UNAUTHENTICATED|401|403/i, "Check the board credentials and the hirer's relationship with the partner."],
  [
    /BAD_USER_INPUT|VALIDATION/i,
    "The board refused the content; correct the data in the ATS and send the change again.",
  ],
  [/RATE|429/i, "The board is rate limiting; Signalhouse retries on its own."],
];

export function errorHint(code: string | null, message: string | null): string {
  const text = `${code ?? ""} ${message ?? ""}`;
  for (const [pattern, hint] of HINTS) if (pattern.test(text)) return hint;
  return "Open the delivery in the Signalhouse delivery log for details; it can be retried from there.";
}
