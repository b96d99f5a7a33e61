// The portal's two credentials, both signed with the server's key so that nothing secret is stored:
// - the link token `<sessionId>.<mac>`: single use is enforced by the PortalSession row (usedAt), and a
//   replayed POST (Idempotency-Key) can answer the same URL again because the token is derived, not kept;
// - the session cookie `<claims>.<mac>`: names the session, when it ends and the origins that may frame
//   it, so the proxy can set `frame-ancestors` without a database (docs/decisions/0150). The server still
//   checks the row on every request (a DELETE ends it at once).
import { createHmac, timingSafeEqual } from "node:crypto";

export type TPortalCookieClaims = { sessionId: string; expiresAt: number; origins: string[] };

const SESSION_ID = /^[a-z0-9]{1,64}$/;

/** The key both credentials are signed with, derived from a server secret (never the secret itself). */
export function portalSigningKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("signalhouse portal v1").digest();
}

function mac(key: Buffer, purpose: "link" | "session", value: string): string {
  return createHmac("sha256", key).update(`${purpose}\n${value}`).digest("base64url");
}

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function linkToken(key: Buffer, sessionId: string): string {
  return `${sessionId}.${mac(key, "link", sessionId)}`;
}

/** The session a link token names, or null for anything not signed by this server. */
export function sessionIdFromLinkToken(key: Buffer, token: string): string | null {
  const [sessionId, given, ...rest] = token.split(".");
  if (rest.length > 0 || !sessionId || !given || !SESSION_ID.test(sessionId)) return null;
  return sameMac(mac(key, "link", sessionId), given) ? sessionId : null;
}

export function sealPortalCookie(key: Buffer, claims: TPortalCookieClaims): string {
  const body = Buffer.from(JSON.stringify({ s: claims.sessionId, x: claims.expiresAt, o: claims.origins })).toString(
    "base64url",
  );
  return `${body}.${mac(key, "session", body)}`;
}

/** The cookie's claims when it is signed by this server and not past its end; null otherwise. */
export function openPortalCookie(key: Buffer, value: string, nowMs: number): TPortalCookieClaims | null {
  const [body, given, ...rest] = value.split(".");
  if (rest.length > 0 || !body || !given || !sameMac(mac(key, "session", body), given)) return null;
  try {
    const raw = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as {
      s?: unknown;
      x?: unknown;
      o?: unknown;
    };
    if (typeof raw.s !== "string" || !SESSION_ID.test(raw.s) || typeof raw.x !== "number") return null;
    if (!Array.isArray(raw.o) || !raw.o.every((o): o is string => typeof o === "string")) return null;
    if (raw.x <= nowMs) return null;
    return { sessionId: raw.s, expiresAt: raw.x, origins: raw.o };
  } catch {
    return null;
  }
}
