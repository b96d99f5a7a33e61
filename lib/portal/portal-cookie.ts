// The portal session cookie. Partitioned (CHIPS): inside an ATS page's <iframe> it is a third-party
// cookie, which Safari and Chromium with third-party cookies blocked refuse unless it is partitioned by the
// top-level site. Partitioned cookies must be Secure; browsers accept Secure cookies on http://localhost
// and http://127.0.0.1, so local development works too (docs/decisions/0150).
export const PORTAL_COOKIE = "sh_portal";

export function portalCookieHeader(value: string, maxAgeSeconds: number): string {
  return `${PORTAL_COOKIE}=${value}; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; Secure; SameSite=None; Partitioned`;
}
