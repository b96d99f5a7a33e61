// Fault injection in the SEEK mock: each fault looks like what a client would meet in production, the
// mix is reproducible from a seed, and a person can steer it over HTTP.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { postGraphql, SEND_SIGNAL, SEND_SIGNALS, statusSignal } from "./raw-client.test-support";
import { type SeekMock, startSeekMock } from "./server";

const mock: SeekMock = await startSeekMock({ seed: 42 });
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const send = (token = "seek-token-1", signal?: AbortSignal) =>
  postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal(token) }, signal });
const codeOf = (answer: Awaited<ReturnType<typeof send>>) => answer.json.errors?.[0]?.extensions?.code;

describe("faults", () => {
  it("answers HTTP 5xx with a non-GraphQL page and accepts nothing", async () => {
    mock.setFaults({ http5xx: 1, http5xxStatus: 502 });
    const answer = await send();
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toBe("text/html");
    expect(mock.acceptedSignals()).toEqual([]);
  });

  it("answers 429 with Retry-After in seconds, or without it", async () => {
    mock.setFaults({ rateLimited: 1, retryAfterSeconds: 7 });
    const limited = await send();
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    mock.setFaults({ rateLimited: 0, rateLimitedWithoutRetryAfter: 1 });
    const bare = await send();
    expect([bare.status, bare.headers.get("retry-after")]).toEqual([429, null]);
    expect(mock.acceptedSignals()).toEqual([]);
  });

  it("answers INTERNAL_SERVER_ERROR in the body of an HTTP 200", async () => {
    mock.setFaults({ internalError: 1 });
    const answer = await send();
    expect([answer.status, codeOf(answer)]).toEqual([200, "INTERNAL_SERVER_ERROR"]);
  });

  it("answers FORBIDDEN for every request, or only for the identifiers of a hirer without a relationship", async () => {
    mock.setFaults({ forbidden: ["seek-token-of-other-hirer"] });
    expect((await send("seek-token-1")).json.data).toEqual({ sendSignal: true });
    expect(codeOf(await send("seek-token-of-other-hirer"))).toBe("FORBIDDEN");
    mock.setFaults({ forbidden: "all" });
    expect(codeOf(await send("seek-token-1"))).toBe("FORBIDDEN");
    expect(mock.acceptedSignals()).toHaveLength(1);
  });

  it("names no path in BAD_USER_INPUT when told to, so a client cannot tell which signal was bad", async () => {
    mock.setBadTokens(["bad"]);
    mock.setFaults({ badInputWithoutPath: true });
    const answer = await postGraphql(mock, {
      query: SEND_SIGNALS,
      variables: { input: { signals: [statusSignal("ok"), statusSignal("bad")] } },
    });
    expect(answer.json.errors?.[0]).toEqual(
      expect.objectContaining({ message: "Invalid input", extensions: { code: "BAD_USER_INPUT" } }),
    );
  });

  it("hangs without answering until the client gives up", async () => {
    mock.setFaults({ hang: 1 });
    await expect(send("seek-token-1", AbortSignal.timeout(200))).rejects.toThrow();
    expect(mock.received()[0]).toMatchObject({ fault: "hang", httpStatus: null, acceptedSignals: [] });
  });

  it("answers slowly when given a delay (a client timeout shorter than the delay fires)", async () => {
    mock.setFaults({ delayMs: 5_000 });
    await expect(send("seek-token-1", AbortSignal.timeout(200))).rejects.toThrow();
  });

  it("accepts and records the signals, then loses the answer, so a retry duplicates them", async () => {
    mock.setFaults({ queue: ["lostAfterAcceptance"] });
    await expect(send("seek-token-1")).rejects.toThrow();
    expect((await send("seek-token-1")).json.data).toEqual({ sendSignal: true });
    expect(mock.acceptedSignals().map((s) => s.token)).toEqual(["seek-token-1", "seek-token-1"]);
    expect(mock.received().map((r) => [r.fault, r.httpStatus])).toEqual([
      ["lostAfterAcceptance", null],
      [null, 200],
    ]);
  });

  it("serves queued faults to the next requests in order, then answers normally", async () => {
    mock.setFaults({ queue: ["http5xx", "rateLimited", "internalError"] });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send()).status);
    expect(statuses).toEqual([503, 429, 200, 200]);
    expect(mock.received().map((r) => r.fault)).toEqual(["http5xx", "rateLimited", "internalError", null]);
  });

  it("fails the same requests for the same seed, and only a fraction of them", async () => {
    const run = async (target: SeekMock) => {
      target.setFaults({ http5xx: 0.3, internalError: 0.2 });
      const outcomes = [];
      for (let i = 0; i < 30; i++) {
        const answer = await postGraphql(target, { query: SEND_SIGNAL, variables: { input: statusSignal("t") } });
        outcomes.push(`${answer.status}:${answer.json.errors?.[0]?.extensions?.code ?? "ok"}`);
      }
      return outcomes;
    };
    const first = await run(mock);
    const twin = await startSeekMock({ seed: 42 });
    try {
      expect(await run(twin)).toEqual(first);
    } finally {
      await twin.close();
    }
    expect(new Set(first)).toEqual(new Set(["200:ok", "503:ok", "200:INTERNAL_SERVER_ERROR"]));
  });

  it("fails the token endpoint on demand", async () => {
    mock.setFaults({ tokenHttp5xx: 1 });
    const response = await fetch(mock.tokenUrl, { method: "POST", body: "{}" });
    expect(response.status).toBe(503);
  });
});

describe("HTTP control routes", () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${mock.url}/__control/${path}`, {
      method: body === undefined && path === "received" ? "GET" : "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("sets faults, bad tokens, expires tokens, reports what was received and resets", async () => {
    expect((await control("faults", { queue: ["http5xx"] })).status).toBe(200);
    expect((await send()).status).toBe(503);

    expect((await control("bad-tokens", { tokens: ["bad"] })).status).toBe(200);
    expect((await send("bad")).json.errors?.[0]?.message).toBe("/input/token: Is not valid");

    const token = mock.issueToken();
    expect((await control("expire-tokens")).status).toBe(200);
    const expired = await postGraphql(mock, { query: SEND_SIGNAL, variables: { input: statusSignal("t") }, token });
    expect(codeOf(expired)).toBe("UNAUTHENTICATED");

    const received = (await (await control("received")).json()) as { requests: unknown[]; acceptedSignals: unknown[] };
    expect(received.requests).toHaveLength(3);
    expect(received.acceptedSignals).toEqual([]);

    expect((await control("reset")).status).toBe(200);
    expect(mock.received()).toEqual([]);
    expect((await send("bad")).json.data).toEqual({ sendSignal: true });
  });

  it("refuses a faults body it does not understand, naming the problem", async () => {
    const response = await control("faults", { http5xx: 2 });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/http5xx/);
    const unknown = await control("faults", { explode: true });
    expect(unknown.status).toBe(400);
  });
});
