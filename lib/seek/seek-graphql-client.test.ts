// The SEEK client against the SEEK mock over real HTTP: SEEK's headers on every request, and the raw
// status and body kept for classification whatever urql makes of them.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import packageJson from "@/package.json";
import { createSeekClient } from "./seek-graphql-client";
import { SendSignalDocument, type SendSignalInput } from "./signal-documents";

const mock: SeekMock = await startSeekMock({ seed: 3 });
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const input: SendSignalInput = {
  typeCode: "ApplicationComplete",
  token: "seek-token-1",
  timestamp: "2020-01-01T09:00:00.000Z",
};
const client = createSeekClient({ url: mock.graphqlUrl, timeoutMs: 300 });

describe("SEEK GraphQL client", () => {
  it("sends SEEK's headers: partner token, a fresh X-Request-Id per request, User-Agent, session and locale", async () => {
    const token = mock.issueToken();
    const first = await client.execute(SendSignalDocument, { input }, { token });
    const second = await client.execute(SendSignalDocument, { input }, { token });
    const [a, b] = mock.received();
    expect(a).toMatchObject({
      requestId: first.requestId,
      userAgent: `signalhouse/${packageJson.version}`,
      acceptLanguage: "en-AU",
      authorization: `Bearer ${token}`,
    });
    expect(b?.requestId).toBe(second.requestId);
    expect(first.requestId).not.toBe(second.requestId);
    expect(a?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b?.sessionId).toBe(a?.sessionId);
  });

  it("passes the input as a variable, and reports the status, raw body and request body", async () => {
    const call = await client.execute(SendSignalDocument, { input }, { token: mock.issueToken() });
    expect(call.exchange).toMatchObject({ kind: "response", status: 200, body: '{"data":{"sendSignal":true}}' });
    expect(JSON.parse(call.requestBody ?? "")).toMatchObject({ variables: { input } });
    expect(mock.received()[0]?.variables).toEqual({ input });
  });

  it("keeps the status and body of a 5xx page and the Retry-After of a 429", async () => {
    mock.setFaults({ queue: ["http5xx", "rateLimited"], retryAfterSeconds: 9 });
    const token = mock.issueToken();
    const down = await client.execute(SendSignalDocument, { input }, { token });
    expect(down.exchange).toMatchObject({ kind: "response", status: 503 });
    expect(down.exchange.kind === "response" && down.exchange.body).toContain("503");
    const limited = await client.execute(SendSignalDocument, { input }, { token });
    expect(limited.exchange.kind === "response" && limited.exchange.headers.get("retry-after")).toBe("9");
  });

  it("reports a hung request as a timeout, with its request id", async () => {
    mock.setFaults({ hang: 1 });
    const call = await client.execute(SendSignalDocument, { input }, { token: mock.issueToken() });
    expect(call.exchange.kind).toBe("timeout");
    expect(mock.received()[0]?.requestId).toBe(call.requestId);
  });

  it("reports the caller's abort as aborted, not as SEEK timing out", async () => {
    mock.setFaults({ hang: 1 });
    const controller = new AbortController();
    const pending = client.execute(
      SendSignalDocument,
      { input },
      { token: mock.issueToken(), signal: controller.signal },
    );
    controller.abort();
    expect((await pending).exchange.kind).toBe("aborted");
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = await startSeekMock();
    await closed.close();
    const call = await createSeekClient({ url: closed.graphqlUrl }).execute(
      SendSignalDocument,
      { input },
      { token: "t" },
    );
    expect(call.exchange.kind).toBe("network");
  });
});
