// What can go wrong between us and LinkedIn, as settings a test or a person can turn on. Fractions are
// drawn from the mock's seeded PRNG (one draw per notes request), so a given seed spoils the same
// requests every run; a queued fault is served to the next notes request before any drawn one.
// Entity errors spoil single notes inside an otherwise successful batch (HTTP 200), as LinkedIn does.
import { z } from "zod";

/** Faults that replace the answer to one whole notes request. */
export const REQUEST_FAULTS = ["rateLimited", "http5xx", "unauthorized", "badRequest", "hang"] as const;
export type RequestFault = (typeof REQUEST_FAULTS)[number];

const fraction = z.number().min(0).max(1);

export const ZLinkedinMockFaults = z.strictObject({
  /** HTTP 429 with LinkedIn's error body and no Retry-After (LinkedIn documents none) */
  rateLimited: fraction.optional(),
  /** HTTP `http5xxStatus` (default 503) with an HTML body, as a load balancer would */
  http5xx: fraction.optional(),
  http5xxStatus: z.number().int().min(500).max(599).optional(),
  /** HTTP 401 whatever the token (as if it had been revoked) */
  unauthorized: fraction.optional(),
  /** HTTP 400 for the whole request, as LinkedIn answers a batch it cannot read */
  badRequest: fraction.optional(),
  /** never answer: the client's timeout must fire */
  hang: fraction.optional(),
  /** wait this long before answering every notes request */
  delayMs: z.number().int().min(0).optional(),
  /** expires_in of newly issued tokens, in seconds (default 1800) */
  tokenExpiresIn: z.number().int().min(1).optional(),
  /** answer the token endpoint with HTTP 503 for this fraction of token requests */
  tokenHttp5xx: fraction.optional(),
  /** the mock's own throttle check per client id (defaults: LinkedIn's 10,000 and 100,000) */
  recordsPerMinute: z.number().int().min(1).optional(),
  requestsPerDay: z.number().int().min(1).optional(),
  /** faults served, in order, to the next notes requests (before any drawn fault) */
  queue: z.array(z.enum(REQUEST_FAULTS)).optional(),
});
export type LinkedinMockFaults = z.infer<typeof ZLinkedinMockFaults>;

export const ZEntityErrorRule = z.strictObject({
  noteIds: z.array(z.string().min(1)).min(1),
  /** the per-entity status in `errors` (400 bad input, 404, 429, 500, 503 …) */
  status: z.number().int().min(400).max(599),
  message: z.string().optional(),
  /** how many times each note id is spoiled: "once" (default), "always", or a count */
  times: z.union([z.literal("once"), z.literal("always"), z.number().int().min(1)]).default("once"),
});
export type EntityErrorRule = z.input<typeof ZEntityErrorRule>;

/** The fault for the next notes request, or null for a normal answer. Always draws exactly once. */
export function pickRequestFault(faults: LinkedinMockFaults, queue: RequestFault[], random: () => number) {
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

/** Injected per-entity errors, each spent as it is served. */
export class EntityErrors {
  private readonly remaining = new Map<string, { status: number; message: string; left: number }>();

  add(input: EntityErrorRule): void {
    const rule = ZEntityErrorRule.parse(input);
    const left = rule.times === "always" ? Number.POSITIVE_INFINITY : rule.times === "once" ? 1 : rule.times;
    const message = rule.message ?? `Injected error ${rule.status}`;
    for (const id of rule.noteIds) this.remaining.set(id, { status: rule.status, message, left });
  }

  /** The error to answer for this note id now, if one is injected (and counts it as served). */
  take(noteId: string): { status: number; message: string } | null {
    const rule = this.remaining.get(noteId);
    if (!rule) return null;
    rule.left -= 1;
    if (rule.left <= 0) this.remaining.delete(noteId);
    return { status: rule.status, message: rule.message };
  }

  clear(): void {
    this.remaining.clear();
  }
}

/** mulberry32: seeded, so a fault mix hits the same requests on every run with the same seed. */
export function seededPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
