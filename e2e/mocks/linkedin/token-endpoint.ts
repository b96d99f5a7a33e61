// LinkedIn's OAuth client-credentials endpoint as the mock plays it: form-encoded
// grant_type=client_credentials&client_id=…&client_secret=…, one credential pair per customer
// application (Recruiter System Connect), answering { access_token, expires_in }. Tokens are opaque
// strings bound to the client that asked for them, live for their expires_in until expired on demand.
import { randomBytes } from "node:crypto";

export type LinkedinCustomer = { clientId: string; clientSecret: string; integrationContext: string };

export type TokenAnswer = { status: number; body: Record<string, unknown> };

export type TokenCheck = { ok: true; clientId: string } | { ok: false; reason: "missing" | "unknown" | "expired" };

export class TokenIssuer {
  private readonly live = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  issue(clientId: string, expiresInSeconds: number): string {
    const token = `AQ${randomBytes(36).toString("base64url")}`;
    this.live.set(token, { clientId, expiresAt: this.now() + expiresInSeconds * 1000 });
    return token;
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer (\S+)$/.exec(authorization ?? "");
    if (!match?.[1]) return { ok: false, reason: "missing" };
    const entry = this.live.get(match[1]);
    if (!entry) return { ok: false, reason: "unknown" };
    if (entry.expiresAt <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, clientId: entry.clientId };
  }

  /** Every token issued so far stops working now (a token expiring mid-run, or revoked credentials). */
  expireAll(): void {
    for (const entry of this.live.values()) entry.expiresAt = 0;
  }
}

const oauthError = (status: number, error: string, description: string): TokenAnswer => ({
  status,
  body: { error, error_description: description },
});

export function answerTokenRequest(
  contentType: string | undefined,
  body: string,
  customers: readonly LinkedinCustomer[],
  issue: (clientId: string) => { token: string; expiresIn: number },
): TokenAnswer {
  if (!contentType?.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(body);
  if (form.get("grant_type") !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
  }
  const clientId = form.get("client_id");
  const clientSecret = form.get("client_secret");
  if (!clientId || !clientSecret) return oauthError(400, "invalid_request", "client_id and client_secret are required");
  const customer = customers.find((c) => c.clientId === clientId);
  if (!customer || customer.clientSecret !== clientSecret) {
    return oauthError(401, "invalid_client", "Client authentication failed");
  }
  const { token, expiresIn } = issue(clientId);
  return { status: 200, body: { access_token: token, expires_in: expiresIn } };
}
