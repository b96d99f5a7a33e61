// What the app's shell and the portal's frame both show, so the two never drift: the navigation's
// links (the current page highlighted) and a page's heading with its actions.
import Link from "next/link";
import type { ReactNode } from "react";
import { activeNavHref, type TNavItem } from "./nav-items";

/** The role's navigation as a list of links; the class names lay it out for its frame. */
export function NavLinks({
  items,
  current,
  navClassName,
  listClassName,
}: {
  items: readonly TNavItem[];
  /** the page's path, to highlight its item */
  current: string;
  navClassName?: string;
  listClassName: string;
}) {
  const active = activeNavHref(items, current);
  return (
    <nav aria-label="Main" className={navClassName}>
      <ul className={listClassName}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                item.href === active
                  ? "bg-indigo-50 text-indigo-700"
                  : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              }`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page's title, its description and its actions, above its content. */
export function PageHeading({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}
