// The capture route's rate limit over real HTTP, through the same request stamping scripts/serve.mjs
// does: a client cannot escape it, or pass as someone else, by writing X-Forwarded-For or the peer
// header itself (docs/decisions/0124). The limit does not depend on the database: PGlite only.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as apply } from "@/app/apply/[...path]/route";
import { resetEnvCache } from "@/lib/env";
import { ZPositionInput } from "@/lib/positions/position-input";
import { upsertPosition } from "@/lib/positions/upsert-position";
import { answerUndecodablePath, stampRequest } from "@/scripts/stamp-request.mjs";
import { orgScope } from "@/test/support/org-scope";
import { type ApiHarness, openApiHarness } from "../support/api-harness";

const LIMIT = 30;

// As scripts/serve.mjs does, then Node request → the Request Next hands a route handler (headers as Next reads them: request.headers).
function serveApplyRoute(): http.Server {
  return http.createServer(async (req, res) => {
    stampRequest(req);
    if (answerUndecodablePath(req, res)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
    try {
      const path = url.pathname.split("/").slice(2).map(decodeURIComponent);
      const response = await apply(new Request(url, { headers }), { params: Promise.resolve({ path }) });
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    } catch {
      res.writeHead(500).end("Internal Server Error"); // what Next answers for a path it cannot decode
    }
  });
}

describe("capture rate limit over HTTP", () => {
  let h: ApiHarness;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    h = await openApiHarness("pglite");
    await h.prisma.$transaction((tx) =>
      upsertPosition(tx, orgScope(h.organizationId, "system"), {
        positionId: "JOB-1",
        body: ZPositionInput.parse({
          title: "Chef",
          applyUrl: "https://ats.example.com/jobs/1/apply",
          seekPositionProfileIds: [],
        }),
      }),
    );
    server = serveApplyRoute();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    delete process.env.SIGNALHOUSE_TRUSTED_PROXIES;
    resetEnvCache();
    await h?.close();
  });

  const get = async (headers: Record<string, string>) =>
    (await fetch(`${base}/apply/default/JOB-1?a=1`, { headers, redirect: "manual" })).status;

  it("without a trusted proxy, one socket is one client: fresh X-Forwarded-For or peer header values do not escape the limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      statuses.push(
        await get({
          "x-forwarded-for": `203.0.113.${i}`,
          "x-real-ip": `198.51.100.${i}`,
          "x-signalhouse-peer-address": `192.0.2.${i}`,
        }),
      );
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(303));
    expect(statuses[LIMIT]).toBe(429);
  });

  it("behind a trusted proxy, X-Forwarded-For names the client; entries a client adds on the left change nothing", async () => {
    process.env.SIGNALHOUSE_TRUSTED_PROXIES = "127.0.0.1, ::1";
    resetEnvCache();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push(await get({ "x-forwarded-for": `10.9.${i}.1, 203.0.113.200` }));
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(303));
    expect(statuses[LIMIT]).toBe(429);
    // another client behind the same proxy has its own count
    expect(await get({ "x-forwarded-for": "203.0.113.201" })).toBe(303);
  });

  it("a path that is not valid percent-encoded UTF-8 is the friendly 404 page (Next itself would answer a bare 500)", async () => {
    for (const path of ["/apply/JOB%E0%A4%A", "/apply/default/JOB%E0", "/apply/JOB%ED%A0%80"]) {
      const response = await fetch(`${base}${path}`, {
        headers: { "x-forwarded-for": "203.0.113.222" },
        redirect: "manual",
      });
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("Job not found");
    }
  });
});
