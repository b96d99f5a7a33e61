// Next calls a route without dynamic segments with no `params` at all; the v1 pipeline must treat that as
// "no path parameters", not as an invalid path (GET /api/v1/deliveries answered 400 under `npm start`).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listDeliveries } from "@/app/api/v1/deliveries/route";
import { type ApiHarness, BOOTSTRAP_KEY, openApiHarness } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

describe.each(databasesUnderTest())("a v1 route without path parameters on %s", (kind) => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness(kind);
  });
  afterAll(async () => h?.close());

  it("answers GET /api/v1/deliveries when Next passes no params", async () => {
    const request = new Request("http://localhost/api/v1/deliveries?channel=seek-signal", {
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
    });
    const response = await listDeliveries(request, {} as never);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deliveries: [], nextCursor: null });
  });
});
