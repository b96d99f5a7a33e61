// The SEEK mock must refuse what SEEK refuses, or tests against it prove nothing.
import http from "node:http";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fetchToken, postGraphql, SEND_SIGNAL, SEND_SIGNALS, statusSignal } from "./raw-client.test-support";
import { type SeekMock, startSeekMock } from "./server";

let clock = Date.parse("2026-01-01T00:00:00.000Z");
const mock: SeekMock = await startSeekMock({ seed: 7, tokenExpiresIn: 1800, now: () => clock });
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const codeOf = (answer: { json: { errors?: { extensions?: { code?: string } }[] } }) =>
  answer.json.errors?.[0]?.extensions?.code;

describe("partner token endpoint", () => {
  it("issues a Bearer token for the configured client, with the configured expires_in, and counts requests", async () => {
    mock.setFaults({ tokenExpiresIn: 86400 });
    const answer = await fetchToken(mock);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ expires_in: 86400, token_type: "Bearer" });
    expect(String(answer.body.access_token)).toMatch(/^eyJ/);
    expect(mock.tokenRequests()).toBe(1);
  });

  it.each([
    ["a wrong client secret", { client_secret: "nope" }, 401],
    ["a wrong audience", { audience: "https://test.graphql.seek.com" }, 403],
    ["a grant other than client_credentials", { grant_type: "password" }, 400],
  ])("refuses %s", async (_label, overrides, status) => {
    const answer = await fetchToken(mock, overrides);
    expect(answer.status).toBe(status);
    expect(answer.body.access_token).toBeUndefined();
  });
});

describe("authentication", () => {
  it("answers UNAUTHENTICATED in an HTTP 200 when the Authorization header is missing", async () => {
    const answer = await postGraphql(mock, {
      query: SEND_SIGNAL,
      variables: { input: statusSignal("t") },
      token: null,
    });
    expect(answer.status).toBe(200);
    expect(codeOf(answer)).toBe("UNAUTHENTICATED");
    expect(answer.json.errors?.[0]?.message).toBe("Authorization header missing");
  });

  it("answers UNAUTHENTICATED for a token it never issued", async () => {
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal("t") }, token: "x" });
    expect(codeOf(answer)).toBe("UNAUTHENTICATED");
  });

  it("stops accepting every issued token when told to expire them, and accepts a fresh one", async () => {
    const token = String((await fetchToken(mock)).body.access_token);
    const request = { query: SEND_SIGNAL, variables: { input: statusSignal("seek-token-1") }, token };
    expect((await postGraphql(mock, request)).json.data).toEqual({ sendSignal: true });
    mock.expireTokens();
    expect(codeOf(await postGraphql(mock, request))).toBe("UNAUTHENTICATED");
    const fresh = String((await fetchToken(mock)).body.access_token);
    expect((await postGraphql(mock, { ...request, token: fresh })).json.data).toEqual({ sendSignal: true });
  });

  it("stops accepting a token once its expires_in has passed", async () => {
    const token = mock.issueToken();
    clock += 1800 * 1000;
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal("t") }, token });
    expect(answer.json.errors?.[0]?.message).toBe("Authorization token has expired");
  });
});

describe("request headers", () => {
  it("records X-Request-Id, User-Agent, X-Session-Id and Accept-Language of every request", async () => {
    await postGraphql(mock, {
      query: SEND_SIGNAL,
      variables: { input: statusSignal("seek-token-1") },
      headers: {
        "x-request-id": "7b0c5e9e-1f0a-4d2b-9a51-3f1f5d6c2b11",
        "x-session-id": "session-1",
        "accept-language": "en-AU",
      },
    });
    expect(mock.received()[0]).toMatchObject({
      requestId: "7b0c5e9e-1f0a-4d2b-9a51-3f1f5d6c2b11",
      userAgent: "mock-test/1.0",
      sessionId: "session-1",
      acceptLanguage: "en-AU",
      field: "sendSignal",
      httpStatus: 200,
    });
  });

  it("rejects a request whose X-Request-Id is not a UUID", async () => {
    const answer = await postGraphql(mock, {
      query: SEND_SIGNAL,
      variables: { input: statusSignal("t") },
      headers: { "x-request-id": "42" },
    });
    expect(answer.status).toBe(400);
    expect(mock.acceptedSignals()).toEqual([]);
  });

  it("rejects a request without a User-Agent", async () => {
    // fetch always sends a User-Agent, so this one goes through node:http.
    const body = JSON.stringify({ query: SEND_SIGNAL, variables: { input: statusSignal("t") } });
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(mock.graphqlUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": "7b0c5e9e-1f0a-4d2b-9a51-3f1f5d6c2b11",
          authorization: `Bearer ${mock.issueToken()}`,
        },
      });
      req.on("response", (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(400);
  });
});

describe("GraphQL validation", () => {
  it("answers GRAPHQL_PARSE_FAILED with HTTP 400 for a document that does not parse", async () => {
    const answer = await postGraphql(mock, { query: "mutation {" });
    expect([answer.status, codeOf(answer)]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
  });

  it("answers GRAPHQL_VALIDATION_FAILED for a field SEEK's schema does not have", async () => {
    const answer = await postGraphql(mock, { query: "mutation { sendSignalz }" });
    expect([answer.status, codeOf(answer)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
  });

  it("rejects arguments passed inline instead of as variables", async () => {
    const answer = await postGraphql(mock, {
      query:
        'mutation { sendSignal(input: { typeCode: "ApplicationComplete", token: "t", timestamp: "2020-01-01T00:00:00Z" }) }',
    });
    expect([answer.status, codeOf(answer)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    expect(answer.json.errors?.[0]?.message).toMatch(/variables/);
    expect(mock.acceptedSignals()).toEqual([]);
  });

  it.each([
    ["a required field is missing", { token: "t" }],
    ["a field has the wrong type", { ...statusSignal("t"), current: { status: { index: "one" } } }],
    [
      "a DateTime is not an RFC 3339 date-time",
      { typeCode: "ApplicationComplete", token: "t", timestamp: "yesterday" },
    ],
    ["a field SEEK does not define is sent", { ...statusSignal("t"), colour: "blue" }],
  ])("answers BAD_USER_INPUT with HTTP 400 when %s", async (_label, input) => {
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input } });
    expect([answer.status, codeOf(answer)]).toEqual([400, "BAD_USER_INPUT"]);
    expect(mock.acceptedSignals()).toEqual([]);
  });
});

describe("Selection Signals", () => {
  it("accepts a valid sendSignal and records the signal", async () => {
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal("seek-token-1") } });
    expect(answer.json).toEqual({ data: { sendSignal: true } });
    expect(mock.acceptedSignals()).toEqual([statusSignal("seek-token-1")]);
  });

  it("answers `/input/token: Is not valid` for a bad token in sendSignal", async () => {
    mock.setBadTokens(["bad-token"]);
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal("bad-token") } });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ sendSignal: null });
    expect(answer.json.errors?.[0]).toMatchObject({
      message: "/input/token: Is not valid",
      path: ["sendSignal"],
      extensions: { code: "BAD_USER_INPUT", invalidFields: { "/input/token": "Is not valid" } },
    });
  });

  it("rejects the whole sendSignals batch when one token is bad, naming its position", async () => {
    mock.setBadTokens(["bad-token"]);
    const signals = Array.from({ length: 100 }, (_, i) => statusSignal(i === 41 ? "bad-token" : `seek-token-${i}`));
    const answer = await postGraphql(mock, { query: SEND_SIGNALS, variables: { input: { signals } } });
    expect(answer.json.errors?.[0]?.message).toBe("/input/signals/41/token: Is not valid");
    expect(codeOf(answer)).toBe("BAD_USER_INPUT");
    expect(mock.acceptedSignals()).toEqual([]);
  });

  it("accepts 100 signals in one sendSignals and refuses 101", async () => {
    const signals = Array.from({ length: 101 }, (_, i) => statusSignal(`seek-token-${i}`));
    const over = await postGraphql(mock, { query: SEND_SIGNALS, variables: { input: { signals } } });
    expect(codeOf(over)).toBe("BAD_USER_INPUT");
    expect(over.json.errors?.[0]?.message).toBe("/input/signals: Must contain at most 100 items");
    const ok = await postGraphql(mock, {
      query: SEND_SIGNALS,
      variables: { input: { signals: signals.slice(0, 100) } },
    });
    expect(ok.json).toEqual({ data: { sendSignals: true } });
    expect(mock.acceptedSignals()).toHaveLength(100);
  });

  it("holds signals to SEEK's documented rules (ApplicationComplete carries no current state)", async () => {
    const input = { ...statusSignal("t"), typeCode: "ApplicationComplete", timestamp: "2020-01-01T09:00:00Z" };
    const answer = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input } });
    expect(answer.json.errors?.[0]?.message).toBe("/input/current: Must not be provided");
  });
});

describe("counting instead of logging (keepLog: false, for benchmarks)", () => {
  it("keeps no request log but counts accepted signals and reports each accepted request as it arrives", async () => {
    const seen: { tokens: (string | null | undefined)[]; receivedAtMs: number }[] = [];
    const counting = await startSeekMock({
      keepLog: false,
      onAccepted: (signals, receivedAtMs) => seen.push({ tokens: signals.map((s) => s.token), receivedAtMs }),
    });
    try {
      const before = performance.timeOrigin + performance.now();
      const signals = Array.from({ length: 3 }, (_, i) => statusSignal(`seek-token-${i}`));
      await postGraphql(counting, { query: SEND_SIGNALS, variables: { input: { signals } } });
      counting.setBadTokens(["bad-token"]);
      await postGraphql(counting, { query: SEND_SIGNAL, variables: { input: statusSignal("bad-token") } });
      expect(counting.received()).toEqual([]);
      expect(counting.acceptedSignals()).toEqual([]);
      expect(counting.acceptedCount()).toBe(3);
      expect(seen).toHaveLength(1);
      expect(seen[0]?.tokens).toEqual(["seek-token-0", "seek-token-1", "seek-token-2"]);
      expect(seen[0]?.receivedAtMs).toBeGreaterThanOrEqual(before);
      counting.reset();
      expect(counting.acceptedCount()).toBe(0);
    } finally {
      await counting.close();
    }
  });
});

describe("faults over HTTP", () => {
  it("POST /__control/faults with {} clears every fault set before, so the next token request succeeds", async () => {
    const post = (body: unknown) =>
      fetch(`${mock.url}/__control/faults`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.status);
    expect(await post({ tokenExpiresIn: 60 })).toBe(200);
    expect((await fetchToken(mock)).body).toMatchObject({ expires_in: 60 });
    expect(await post({})).toBe(200);
    expect((await fetchToken(mock)).body).toMatchObject({ expires_in: 1800 });
  });
});
