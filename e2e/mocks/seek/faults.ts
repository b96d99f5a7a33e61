// What can go wrong between us and SEEK, as settings a test or a person can turn on. Fractions are drawn
// from the mock's seeded PRNG (one draw per GraphQL request), so a given seed fails the same requests
// every run. A queued fault is served to the next request before any drawn one.
import { z } from "zod";
import type { Prng } from "./prng";

/** Faults that replace or spoil the answer to one GraphQL request. */
export const REQUEST_FAULTS = [
  "http5xx",
  "hang",
  "rateLimited",
  "rateLimitedWithoutRetryAfter",
  "internalError",
  "lostAfterAcceptance",
] as const;
export type RequestFault = (typeof REQUEST_FAULTS)[number];

const fraction = z.number().min(0).max(1);

export const ZSeekMockFaults = z.strictObject({
  /** answer HTTP `http5xxStatus` (default 503) with an HTML body, as a load balancer would */
  http5xx: fraction.optional(),
  http5xxStatus: z.number().int().min(500).max(599).optional(),
  /** never answer (the client's timeout must fire) */
  hang: fraction.optional(),
  /** answer HTTP 429 with `Retry-After: retryAfterSeconds` (default 2) */
  rateLimited: fraction.optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** answer HTTP 429 with no Retry-After header */
  rateLimitedWithoutRetryAfter: fraction.optional(),
  /** answer HTTP 200 with errors[0].extensions.code INTERNAL_SERVER_ERROR */
  internalError: fraction.optional(),
  /** process the request (signals accepted and recorded), then destroy the socket: the answer is lost */
  lostAfterAcceptance: fraction.optional(),
  /** wait this long before answering every GraphQL request */
  delayMs: z.number().int().min(0).optional(),
  /**
   * FORBIDDEN for requests naming any of these identifiers (seek-token, candidateApplicationProfileId,
   * positionProfileId, candidate profileId: those of a hirer the partner has no relationship with), or all.
   */
  forbidden: z.union([z.literal("all"), z.array(z.string())]).optional(),
  /** BAD_USER_INPUT answers name no path (message "Invalid input"), so a client must split the batch */
  badInputWithoutPath: z.boolean().optional(),
  /** answer the token endpoint with HTTP 503 for this fraction of token requests */
  tokenHttp5xx: fraction.optional(),
  /** expires_in of newly issued partner tokens, in seconds */
  tokenExpiresIn: z.number().int().min(1).optional(),
  /** faults served, in order, to the next requests (before any drawn fault) */
  queue: z.array(z.enum(REQUEST_FAULTS)).optional(),
});
export type SeekMockFaults = z.infer<typeof ZSeekMockFaults>;

/** The fault for the next GraphQL request, or null for a normal answer. Always draws exactly once. */
export function pickRequestFault(faults: SeekMockFaults, queue: RequestFault[], random: Prng): RequestFault | null {
  const draw = random();
  const queued = queue.shift();
  if (queued) return queued;
  let threshold = 0;
  for (const fault of REQUEST_FAULTS) {
    threshold += faults[fault] ?? 0;
    if (draw < threshold) return fault;
  }
  return null;
}
