// GET /api/metrics: Prometheus text for operators; refused to anyone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { resetEnvCache } from "@/lib/env";
import { type ApiHarness, openApiHarness } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const SECRET = "metrics-test-secret-0123456789";

describe.each(databasesUnderTest())("GET /api/metrics on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
    process.env.CRON_SECRET = SECRET;
    resetEnvCache();
    await h.prisma.delivery.createMany({
      data: [
        {
          organizationId: h.organizationId,
          channel: "seek-signal",
          kind: "ApplicationComplete",
          destination: "seek",
          payload: {},
          occurredAt: new Date(),
        },
        {
          organizationId: h.organizationId,
          channel: "seek-signal",
          kind: "ApplicationComplete",
          destination: "seek",
          payload: {},
          occurredAt: new Date(),
          state: "failed",
        },
      ],
    });
  });
  afterAll(async () => h?.close());

  const get = (authorization?: string) =>
    GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

  it("answers Prometheus text with the operations secret", async () => {
    const response = await get(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('signalhouse_deliveries{channel="seek-signal",state="pending"} 1');
    expect(text).toContain('signalhouse_deliveries{channel="seek-signal",state="failed"} 1');
    expect(text).toMatch(/signalhouse_oldest_pending_seconds\{channel="seek-signal"\} [\d.]+/);
  });

  // Anonymous callers need a request scope (the session lookup): covered in e2e/health.spec.ts.
  it("refuses a wrong secret", async () => {
    expect((await get("Bearer wrong-secret-wrong-secret")).status).toBe(401);
  });
});
