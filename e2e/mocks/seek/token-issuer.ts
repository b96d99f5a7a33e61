// The mock's partner tokens: opaque JWT-looking strings (SEEK's are JWTs, so redaction is exercised on
// realistic values) that stay live for the expires_in they were issued with, until expired on demand.
import { randomBytes } from "node:crypto";

export type TokenCheck = { ok: true } | { ok: false; reason: "missing" | "unknown" | "expired" };

export class TokenIssuer {
  private readonly live = new Map<string, number>();
  private issuedCount = 0;

  constructor(private readonly now: () => number) {}

  issue(expiresInSeconds: number): string {
    const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ jti: randomBytes(8).toString("hex") })).toString("base64url");
    const token = `${header}.${payload}.${randomBytes(24).toString("base64url")}`;
    this.live.set(token, this.now() + expiresInSeconds * 1000);
    this.issuedCount += 1;
    return token;
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer (\S+)$/.exec(authorization ?? "");
    if (!match?.[1]) return { ok: false, reason: "missing" };
    const expiresAt = this.live.get(match[1]);
    if (expiresAt === undefined) return { ok: false, reason: "unknown" };
    if (expiresAt <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true };
  }

  /** Every token issued so far stops working now (SEEK rotating keys, or a token expiring mid-run). */
  expireAll(): void {
    for (const token of this.live.keys()) this.live.set(token, 0);
  }

  get issued(): number {
    return this.issuedCount;
  }
}
