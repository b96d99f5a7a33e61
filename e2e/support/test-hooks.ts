// Test-only writes through the e2e server's /api/e2e/* routes (enabled by SIGNALHOUSE_E2E_HOOKS=1 in
// e2e-env.ts only, Bearer CRON_SECRET): for states no product path reaches within a run. docs/decisions/0106.
import { type APIRequestContext, expect } from "@playwright/test";
import { E2E } from "../e2e-env";

export async function setDeliveryState(
  request: APIRequestContext,
  deliveryIds: string[],
  state: "dead" | "failed" | "pending",
  lastErrorCode = "E2E_GAVE_UP",
): Promise<void> {
  const response = await request.post("/api/e2e/deliveries/state", {
    headers: { authorization: `Bearer ${E2E.cronSecret}` },
    data: { deliveryIds, state, lastErrorCode },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { count: number }).count).toBe(deliveryIds.length);
}

/** Opens a destination's circuit until `blockedUntil`, or closes it (null). */
export async function setDestinationCircuit(
  request: APIRequestContext,
  destination: string,
  blockedUntil: Date | null,
  lastError: string | null = null,
): Promise<void> {
  const response = await request.post("/api/e2e/destinations/state", {
    headers: { authorization: `Bearer ${E2E.cronSecret}` },
    data: { destination, blockedUntil: blockedUntil?.toISOString() ?? null, lastError },
  });
  expect(response.status(), await response.text()).toBe(200);
}
