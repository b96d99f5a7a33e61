import { describe, expect, it } from "vitest";
import { authorizeCron } from "./authorize-cron";

const secret = "a-cron-secret-of-32-characters!!";

describe("authorizeCron", () => {
  it("lets the right bearer secret through", () => {
    expect(authorizeCron(`Bearer ${secret}`, secret)).toBeNull();
    expect(authorizeCron(`bearer   ${secret}`, secret)).toBeNull();
  });

  it("answers 401 to a missing, wrong or differently-shaped header", () => {
    for (const header of [null, "", secret, `Bearer ${secret}x`, `Bearer ${secret.slice(1)}`, `Basic ${secret}`]) {
      expect(authorizeCron(header, secret)?.status).toBe(401);
    }
  });

  it("is closed, with a clear 503, when CRON_SECRET is not configured", () => {
    const error = authorizeCron(`Bearer ${secret}`, undefined);
    expect(error?.status).toBe(503);
    expect(error?.message).toContain("CRON_SECRET");
  });
});
