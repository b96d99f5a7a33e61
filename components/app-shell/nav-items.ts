// Navigation by role. Hirers see only their organization's working pages; admins also see the pages
// that span organizations. Hiding a link is convenience only: every page guards itself.
export type TNavItem = { href: string; label: string };

const ADMIN_NAV: readonly TNavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/deliveries", label: "Deliveries" },
  { href: "/failures", label: "Failures" },
  { href: "/pipelines", label: "Pipelines" },
  { href: "/positions", label: "Positions" },
];

const HIRER_NAV: readonly TNavItem[] = [
  { href: "/pipelines", label: "Pipelines" },
  { href: "/positions", label: "Positions" },
];

export function navItemsFor(role: "admin" | "hirer"): readonly TNavItem[] {
  return role === "admin" ? ADMIN_NAV : HIRER_NAV;
}

/** The item to highlight for a path: the longest href that is the path or a parent of it. */
export function activeNavHref(items: readonly TNavItem[], path: string): string | undefined {
  const matches = items.filter((item) => path === item.href || (item.href !== "/" && path.startsWith(`${item.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
