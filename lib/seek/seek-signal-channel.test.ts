// The seek-signal channel against the SEEK mock over real HTTP (no database: the partner token comes from
// the in-memory source, fetched from the mock's token endpoint).

import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import type { ClaimedDelivery, SendContext } from "@/lib/delivery/channel";
import { maskSecret } from "@/lib/redaction/redact-secrets";
import { createMemoryPartnerTokenSource } from "./memory-partner-token";
import type { PartnerTokenSource } from "./partner-token-source";
import { createSeekClient } from "./seek-graphql-client";
import { createSeekSignalChannel, type SeekSignalChannelOptions } from "./seek-signal-channel";

const mock: SeekMock = await startSeekMock({ seed: 11 });
afterAll(() => mock.close());

const NOW = new Date("2026-03-01T10:00:00.000Z");
const context = (): SendContext => ({ workerId: "worker-1", now: () => NOW, signal: new AbortController().signal });
const seekToken = (i: number) => `eyJqb2JJZCI6${String(i).padStart(6, "0")}fakeSeekTokenForTests`;

function delivery(i: number, organizationId = "org-1"): ClaimedDelivery {
  return {
    id: `delivery-${i}`,
    organizationId,
    channel: "seek-signal",
    kind: "ApplicationStatusUpdate",
    destination: "seek",
    payload: {
      typeCode: "ApplicationStatusUpdate",
      token: seekToken(i),
      current: {
        status: { label: "Interview", index: 3, total: 6 },
        success: null,
        timestamp: "2026-03-01T09:00:00.000Z",
      },
    },
    attempts: 0,
    orderingKey: null,
    occurredAt: NOW,
    createdAt: NOW,
    expiresAt: new Date("2026-08-01T00:00:00.000Z"),
    dueBy: null,
  };
}
const deliveries = (n: number, organizationId?: string) =>
  Array.from({ length: n }, (_, i) => delivery(i, organizationId));

let tokens: PartnerTokenSource;
function channel(overrides: Partial<SeekSignalChannelOptions> = {}) {
  return createSeekSignalChannel({ client: createSeekClient({ url: mock.graphqlUrl }), tokens, ...overrides });
}
const kinds = (outcomes: Map<string, { kind: string }>) => [...outcomes.values()].map((o) => o.kind);

beforeEach(() => {
  mock.reset();
  tokens = createMemoryPartnerTokenSource({
    tokenUrl: mock.tokenUrl,
    audience: mock.credentials.audience,
    clientId: mock.credentials.clientId,
    clientSecret: mock.credentials.clientSecret,
  });
});

describe("seek-signal channel", () => {
  it("declares itself as seek-signal with batches of at most 100", () => {
    expect(channel()).toMatchObject({ name: "seek-signal", maxBatch: 100 });
  });

  it("sends a single delivery with sendSignal", async () => {
    const result = await channel().send([delivery(1)], context());
    expect(result.outcomes.get("delivery-1")).toEqual({ kind: "delivered" });
    expect(mock.received().map((r) => r.field)).toEqual(["sendSignal"]);
    expect(mock.acceptedSignals()).toEqual([delivery(1).payload]);
  });

  it("sends a batch of 100 as one sendSignals", async () => {
    const result = await channel().send(deliveries(100), context());
    expect(kinds(result.outcomes)).toEqual(Array(100).fill("delivered"));
    expect(mock.received().map((r) => r.field)).toEqual(["sendSignals"]);
    expect(mock.acceptedSignals()).toHaveLength(100);
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0]).toMatchObject({
      httpStatus: 200,
      errorCodes: [],
      deliveryIds: deliveries(100).map((d) => d.id),
    });
  });

  it("sends each HTTP request with a fresh X-Request-Id and a User-Agent, and reports each request id", async () => {
    mock.setBadTokens([seekToken(5)]);
    const result = await channel().send(deliveries(10), context());
    const received = mock.received();
    expect(result.requests.map((r) => r.requestId)).toEqual(received.map((r) => r.requestId));
    expect(new Set(received.map((r) => r.requestId)).size).toBe(2);
    expect(received.every((r) => r.userAgent?.startsWith("signalhouse/"))).toBe(true);
  });

  it("delivers 99 and fails 1 with SEEK's message when one token of a batch of 100 is bad", async () => {
    mock.setBadTokens([seekToken(42)]);
    const result = await channel().send(deliveries(100), context());
    expect(result.outcomes.get("delivery-42")).toEqual({
      kind: "failed",
      code: "BAD_USER_INPUT",
      message: "/input/signals/42/token: Is not valid",
    });
    expect(kinds(result.outcomes).filter((k) => k === "delivered")).toHaveLength(99);
    expect(mock.acceptedSignals()).toHaveLength(99);
    expect(mock.acceptedSignals().map((s) => s.token)).not.toContain(seekToken(42));
    expect(result.requests.map((r) => [r.httpStatus, r.errorCodes, r.deliveryIds.length])).toEqual([
      [200, ["BAD_USER_INPUT"], 100],
      [200, [], 99],
    ]);
  });

  it("splits the batch to find bad signals when SEEK names no position, sending each good signal once", async () => {
    mock.setBadTokens([seekToken(2), seekToken(6)]);
    mock.setFaults({ badInputWithoutPath: true });
    const result = await channel().send(deliveries(8), context());
    expect(result.outcomes.get("delivery-2")).toMatchObject({
      kind: "failed",
      code: "BAD_USER_INPUT",
      message: "Invalid input",
    });
    expect(result.outcomes.get("delivery-6")).toMatchObject({ kind: "failed", code: "BAD_USER_INPUT" });
    expect(kinds(result.outcomes).filter((k) => k === "delivered")).toHaveLength(6);
    const accepted = mock.acceptedSignals().map((s) => s.token);
    expect(accepted.sort()).toEqual([0, 1, 3, 4, 5, 7].map(seekToken).sort());
  });

  it("renews an expired partner token once and delivers", async () => {
    await channel().send([delivery(1)], context());
    mock.expireTokens();
    const result = await channel().send([delivery(2)], context());
    expect(result.outcomes.get("delivery-2")).toEqual({ kind: "delivered" });
    expect(mock.tokenRequests()).toBe(2);
    expect(mock.received().map((r) => r.errorCodes)).toEqual([[], ["UNAUTHENTICATED"], []]);
    expect(result.destinationBackoff).toBeUndefined();
  });

  it("retries later, with a destination back-off, when SEEK refuses even a renewed token (never a third request)", async () => {
    const refused: PartnerTokenSource = { getToken: async () => "not-a-token-seek-issued", invalidate: async () => {} };
    const result = await channel({ tokens: refused }).send(deliveries(3), context());
    expect(result.outcomes.get("delivery-0")).toMatchObject({ kind: "retry", code: "UNAUTHENTICATED" });
    expect(mock.received()).toHaveLength(2);
    expect(result.destinationBackoff?.until).toEqual(new Date(NOW.getTime() + 60_000));
  });

  it("retries a rate-limited batch not before Retry-After, and backs off the destination as long", async () => {
    mock.setFaults({ queue: ["rateLimited"], retryAfterSeconds: 7 });
    const result = await channel().send(deliveries(3), context());
    const notBefore = new Date(NOW.getTime() + 7000);
    expect([...result.outcomes.values()]).toEqual(
      Array(3).fill({ kind: "retry", code: "TOO_MANY_REQUESTS", message: "Too many requests", notBefore }),
    );
    expect(result.destinationBackoff?.until).toEqual(notBefore);
  });

  it("retries a 429 without Retry-After after the configured rate-limit back-off", async () => {
    mock.setFaults({ queue: ["rateLimitedWithoutRetryAfter"] });
    const result = await channel({ rateLimitBackoffMs: 45_000 }).send(deliveries(2), context());
    expect(result.outcomes.get("delivery-0")).toMatchObject({
      kind: "retry",
      notBefore: new Date(NOW.getTime() + 45_000),
    });
  });

  it("retries on HTTP 5xx and backs off the destination so the circuit breaker can act", async () => {
    mock.setFaults({ queue: ["http5xx"] });
    const result = await channel({ unhealthyBackoffMs: 20_000 }).send(deliveries(4), context());
    expect(kinds(result.outcomes)).toEqual(Array(4).fill("retry"));
    expect(result.outcomes.get("delivery-0")).toMatchObject({ code: "HTTP_503" });
    expect(result.destinationBackoff?.until).toEqual(new Date(NOW.getTime() + 20_000));
    expect(result.requests[0]).toMatchObject({ httpStatus: 503, errorCodes: ["HTTP_503"] });
  });

  it("retries a request SEEK never answers as a timeout, with a destination back-off", async () => {
    mock.setFaults({ queue: ["hang"] });
    const result = await channel({ client: createSeekClient({ url: mock.graphqlUrl, timeoutMs: 200 }) }).send(
      [delivery(1)],
      context(),
    );
    expect(result.outcomes.get("delivery-1")).toMatchObject({ kind: "retry", code: "TIMEOUT" });
    expect(result.destinationBackoff).toBeDefined();
    expect(result.requests[0]).toMatchObject({ httpStatus: null, errorCodes: ["TIMEOUT"], responseBody: null });
  });

  it("retries INTERNAL_SERVER_ERROR without blaming the destination", async () => {
    mock.setFaults({ queue: ["internalError"] });
    const result = await channel().send([delivery(1)], context());
    expect(result.outcomes.get("delivery-1")).toMatchObject({ kind: "retry", code: "INTERNAL_SERVER_ERROR" });
    expect(result.destinationBackoff).toBeUndefined();
  });

  it("retries a delivery whose answer was lost after SEEK accepted it (the resend is a duplicate SEEK tolerates)", async () => {
    mock.setFaults({ queue: ["lostAfterAcceptance"] });
    const first = await channel().send([delivery(1)], context());
    expect(first.outcomes.get("delivery-1")).toMatchObject({ kind: "retry", code: "NETWORK_ERROR" });
    await channel().send([delivery(1)], context());
    expect(mock.acceptedSignals().map((s) => s.token)).toEqual([seekToken(1), seekToken(1)]);
  });

  it("fails every delivery with FORBIDDEN when SEEK forbids the hirer", async () => {
    mock.setFaults({ forbidden: "all" });
    const result = await channel().send(deliveries(3), context());
    expect([...result.outcomes.values()]).toEqual(
      Array(3).fill({ kind: "failed", code: "FORBIDDEN", message: "Forbidden: no relationship with the hirer" }),
    );
  });

  it("fails only the forbidden organization's deliveries when a batch mixes organizations", async () => {
    const batch = [delivery(0, "org-a"), delivery(1, "org-b"), delivery(2, "org-a")];
    mock.setFaults({ forbidden: [seekToken(1)] });
    const result = await channel().send(batch, context());
    expect(result.outcomes.get("delivery-1")).toMatchObject({ kind: "failed", code: "FORBIDDEN" });
    expect([result.outcomes.get("delivery-0"), result.outcomes.get("delivery-2")]).toEqual([
      { kind: "delivered" },
      { kind: "delivered" },
    ]);
  });

  it("retries, without sending, when the partner token cannot be had", async () => {
    mock.setFaults({ tokenHttp5xx: 1 });
    const result = await channel().send(deliveries(2), context());
    expect(result.outcomes.get("delivery-0")).toMatchObject({ kind: "retry", code: "SEEK_TOKEN_UNAVAILABLE" });
    expect(result.destinationBackoff).toBeDefined();
    expect(mock.received()).toEqual([]);
  });

  it("gives up on a request when the send deadline passes, and retries its deliveries", async () => {
    mock.setFaults({ queue: ["hang"] });
    const result = await channel({ maxSendMs: 200 }).send(deliveries(2), context());
    expect(result.outcomes.get("delivery-0")).toMatchObject({ kind: "retry", code: "ABORTED" });
  });

  it("logs request and response bodies with every seek-token redacted", async () => {
    mock.setBadTokens([seekToken(1)]);
    const result = await channel().send(deliveries(3), context());
    const logged = JSON.stringify(result.requests);
    for (let i = 0; i < 3; i++) expect(logged).not.toContain(seekToken(i));
    expect(JSON.parse(result.requests[0]?.requestBody ?? "").variables.input.signals[0].token).toBe(
      maskSecret(seekToken(0)),
    );
    expect(JSON.parse(result.requests[0]?.requestBody ?? "").variables.input.signals[0].typeCode).toBe(
      "ApplicationStatusUpdate",
    );
  });
});
