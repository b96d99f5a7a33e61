// A webhook receiver as an ATS would run it: a real HTTP server that verifies every request with the
// Standard Webhooks reference library and records what arrived. Steered over HTTP like the SEEK mock:
//   POST /__control/secret  { "secret": "whsec_..." }          the secret to verify with
//   POST /__control/faults  { "status": 503, "count": 2 }      answer the next `count` requests (default:
//                                                              every one) with `status`; { } clears
//   GET  /__control/received                                   { events: [...], attempts: [...] }
//   POST /__control/reset
// Any other POST is a webhook delivery.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedAttempt = {
  webhookId: string;
  timestamp: string;
  path: string;
  status: number;
  verified: boolean;
  verifyError?: string;
};
export type ReceivedEvent = {
  webhookId: string;
  path: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
};

export type WebhookReceiver = {
  url: string;
  port: number;
  setSecret(secret: string): void;
  setFault(fault: { status?: number; count?: number }): void;
  events(): ReceivedEvent[];
  attempts(): ReceivedAttempt[];
  reset(): void;
  close(): Promise<void>;
};

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startWebhookReceiver(options: { port?: number; host?: string } = {}): Promise<WebhookReceiver> {
  let secret: string | null = null;
  let fault: { status: number; remaining: number } | null = null;
  let events: ReceivedEvent[] = [];
  let attempts: ReceivedAttempt[] = [];

  const server = http.createServer(async (request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    try {
      const path = new URL(request.url ?? "/", "http://receiver").pathname;
      const text = await readBody(request);
      if (path === "/__control/received" && request.method === "GET") return json(200, { events, attempts });
      if (path === "/__control/reset" && request.method === "POST") {
        events = [];
        attempts = [];
        fault = null;
        return json(200, { ok: true });
      }
      if (path === "/__control/secret" && request.method === "POST") {
        secret = (JSON.parse(text) as { secret: string }).secret;
        return json(200, { ok: true });
      }
      if (path === "/__control/faults" && request.method === "POST") {
        const f = JSON.parse(text || "{}") as { status?: number; count?: number };
        fault = f.status ? { status: f.status, remaining: f.count ?? Number.POSITIVE_INFINITY } : null;
        return json(200, { ok: true });
      }
      if (request.method !== "POST") return json(405, { error: "POST only" });
      const headers = {
        "webhook-id": String(request.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(request.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(request.headers["webhook-signature"] ?? ""),
      };
      let verified = false;
      let verifyError: string | undefined;
      try {
        if (!secret) throw new Error("no secret configured (POST /__control/secret)");
        new Webhook(secret).verify(text, headers);
        verified = true;
      } catch (error) {
        verifyError = (error as Error).message;
      }
      let status = verified ? 204 : 401;
      if (verified && fault && fault.remaining > 0) {
        status = fault.status;
        fault.remaining -= 1;
      }
      attempts.push({
        webhookId: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        path,
        status,
        verified,
        verifyError,
      });
      if (status === 204) events.push({ webhookId: headers["webhook-id"], path, body: JSON.parse(text) });
      response.writeHead(status);
      response.end();
    } catch (error) {
      json(400, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setSecret: (s) => {
      secret = s;
    },
    setFault: (f) => {
      fault = f.status ? { status: f.status, remaining: f.count ?? Number.POSITIVE_INFINITY } : null;
    },
    events: () => events,
    attempts: () => attempts,
    reset: () => {
      events = [];
      attempts = [];
      fault = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
