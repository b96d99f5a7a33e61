// postText against a real HTTP server: what the engine's channels rely on when they send.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postText } from "./post-text";

type Seen = { method?: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => {
    body += chunk.toString("utf8");
  });
  request.on("end", () => {
    seen.push({ method: request.method, headers: request.headers, body });
    const path = request.url ?? "/";
    if (path === "/hang") return; // never answers
    if (path === "/big") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("x".repeat(10_000));
      return;
    }
    response.writeHead(path === "/limited" ? 429 : 200, {
      "content-type": "application/json",
      "retry-after": "9",
      "set-cookie": ["a=1", "b=2"],
    });
    response.end(JSON.stringify({ echoed: body, unicode: "Zoë ✓" }));
  });
});
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("postText", () => {
  it("POSTs the body with the caller's headers and its byte length, and answers status, headers and text", async () => {
    const body = JSON.stringify({ name: "Zoë" });
    const answer = await postText(new URL(`${base}/limited`), body, { headers: { "x-request-id": "r-1" } });
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("9");
    expect(answer.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(JSON.parse(answer.body)).toEqual({ echoed: body, unicode: "Zoë ✓" });
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: "POST", body });
    expect(request?.headers["x-request-id"]).toBe("r-1");
    expect(request?.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
  });

  it("keeps at most maxBodyBytes of the answer", async () => {
    const answer = await postText(new URL(`${base}/big`), "", { headers: {}, maxBodyBytes: 4096 });
    expect(answer.body).toBe("x".repeat(4096));
  });

  it("rejects when the signal aborts before an answer", async () => {
    const controller = new AbortController();
    const pending = postText(new URL(`${base}/hang`), "{}", { headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it("rejects when the connection sits idle past idleTimeoutMs", async () => {
    await expect(postText(new URL(`${base}/hang`), "{}", { headers: {}, idleTimeoutMs: 100 })).rejects.toThrow(
      "no answer within 100 ms",
    );
  });

  it("rejects when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(postText(new URL(`http://127.0.0.1:${port}/`), "{}", { headers: {} })).rejects.toThrow(/ECONNREFUSED/);
  });
});
