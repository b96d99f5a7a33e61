// The one expiry rule of the outbox. SEEK keeps selection-signal identifiers for 180 days from
// generation (seed 000); a signal for an older identifier is accepted silently and does nothing, so not
// sending it is our job. A row's `expiresAt` is set from its identifier when it is written; a row past it
// is recorded `expired` with one code, whether that is known at enqueue or only just before a send.

export const IDENTIFIER_LIFETIME_DAYS = 180;
export const IDENTIFIER_EXPIRED = "IDENTIFIER_EXPIRED";
const DAY_MS = 24 * 60 * 60 * 1000;

export function identifierExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + IDENTIFIER_LIFETIME_DAYS * DAY_MS);
}

/** Whether a row (or an identifier) with this expiry may no longer be sent at `now`. */
export function isExpired(expiresAt: Date | null | undefined, now: Date): boolean {
  return expiresAt != null && now.getTime() >= expiresAt.getTime();
}

/** The message stored on an expired row: what happened and why nothing was sent. */
export function expiredMessage(expiresAt: Date): string {
  return `The SEEK identifier expired at ${expiresAt.toISOString()} (${IDENTIFIER_LIFETIME_DAYS} days after it was issued); SEEK would ignore it, so it was not sent.`;
}
