// Who may frame which page: a portal page (the hirer pages, opened through a portal session) only by its
// organization's allowed origins; every other page by no one (docs/decisions/0150).

/** The hirer pages a portal session may open; admin pages (/, /admin, /deliveries…) are never among them. */
const PORTAL_PAGE = /^\/(pipelines|positions)(\/[^/]+)?\/?$|^\/applications\/[^/]+\/?$/;

export function isPortalPagePath(pathname: string): boolean {
  return PORTAL_PAGE.test(pathname);
}

/** The Content-Security-Policy value: `frame-ancestors` the origins given, or 'none' when there are none. */
export function frameAncestors(origins: readonly string[] | null): string {
  const allowed = (origins ?? []).filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o));
  return `frame-ancestors ${allowed.length > 0 ? allowed.join(" ") : "'none'"}`;
}
