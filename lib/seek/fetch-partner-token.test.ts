// The token request against the SEEK mock's token endpoint over HTTP.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type SeekMock, startSeekMock } from "@/e2e/mocks/seek/server";
import { fetchPartnerToken } from "./fetch-partner-token";
import type { PartnerTokenConfig } from "./partner-token-source";

const mock: SeekMock = await startSeekMock();
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const T0 = new Date("2026-03-01T10:00:00.000Z");
const config = (overrides: Partial<PartnerTokenConfig> = {}): PartnerTokenConfig => ({
  tokenUrl: mock.tokenUrl,
  audience: mock.credentials.audience,
  clientId: mock.credentials.clientId,
  clientSecret: mock.credentials.clientSecret,
  ...overrides,
});

describe("fetchPartnerToken", () => {
  it("asks with client credentials and the audience, and expires the token after the response's expires_in", async () => {
    mock.setFaults({ tokenExpiresIn: 1800 });
    const token = await fetchPartnerToken(config(), () => T0);
    expect(token.accessToken).toMatch(/^eyJ/);
    expect(token).toMatchObject({ issuedAt: T0, expiresAt: new Date(T0.getTime() + 1800 * 1000) });
    expect(mock.tokenRequests()).toBe(1);
  });

  it("reports refused credentials as `rejected`, without the secret", async () => {
    const error = await fetchPartnerToken(config({ clientSecret: "the-wrong-secret" }), () => T0).catch((e) => e);
    expect(error).toMatchObject({ name: "PartnerTokenError", kind: "rejected" });
    expect(error.message).toContain("HTTP 401");
    expect(error.message).not.toContain("the-wrong-secret");
  });

  it("reports a wrong audience as `rejected`", async () => {
    const error = await fetchPartnerToken(config({ audience: "https://test.graphql.seek.com" }), () => T0).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ kind: "rejected" });
  });

  it("reports a 5xx and an unreachable endpoint as `unavailable`", async () => {
    mock.setFaults({ tokenHttp5xx: 1 });
    expect(await fetchPartnerToken(config(), () => T0).catch((e) => e)).toMatchObject({ kind: "unavailable" });
    const closed = await startSeekMock();
    await closed.close();
    const error = await fetchPartnerToken(config({ tokenUrl: closed.tokenUrl }), () => T0).catch((e) => e);
    expect(error).toMatchObject({ kind: "unavailable" });
  });
});
