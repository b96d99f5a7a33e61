import { expect, test } from "@playwright/test";
import { E2E } from "./e2e-env";

test("a fresh start serves /api/health with the embedded database migrated", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toMatchObject({ kind: "pglite", reachable: true });
  expect(body.database.migrations).toBeGreaterThan(0);
});

test("/api/metrics is refused without the operations secret and served with it", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E.cronSecret}` } });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("# TYPE signalhouse_workers_alive gauge");
});
