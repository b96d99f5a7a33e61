import { expect, test } from "@playwright/test";

test("a fresh start serves /api/health with the embedded database migrated", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toMatchObject({ kind: "pglite", reachable: true });
  expect(body.database.migrations).toBeGreaterThan(0);
});
