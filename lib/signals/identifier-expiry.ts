// SEEK keeps selection-signal identifiers for 180 days from generation (seed 000). A signal for an older
// identifier is accepted silently and does nothing, so not sending it is our job.
export const IDENTIFIER_LIFETIME_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export function identifierExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + IDENTIFIER_LIFETIME_DAYS * DAY_MS);
}

export function isIdentifierExpired(issuedAt: Date, at: Date): boolean {
  return at.getTime() >= identifierExpiresAt(issuedAt).getTime();
}
