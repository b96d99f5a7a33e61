// The frame of every signed-in page: product name, who is signed in (and for which organization), the
// navigation for their role, and the page's title. In the embedded portal, PortalFrame instead. Pages pass the user their guard returned, so the
// shell never looks anyone up itself.
import Link from "next/link";
import type { ReactNode } from "react";
import type { TSessionUser } from "@/lib/auth/session-user";
import { PortalFrame } from "../portal/portal-frame";
import { navItemsFor } from "./nav-items";
import { NavLinks, PageHeading } from "./page-frame-parts";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  user,
  current,
  title,
  description,
  actions,
  wide = false,
  children,
}: {
  user: TSessionUser;
  /** the page's path, to highlight its navigation item */
  current: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** for work surfaces that need the width (the pipeline editor): a wider page, the same navigation */
  wide?: boolean;
  children: ReactNode;
}) {
  if (user.portal) {
    const portalUser = { ...user, portal: user.portal };
    return <PortalFrame {...{ user: portalUser, current, title, description, actions }}>{children}</PortalFrame>;
  }
  const width = wide ? "max-w-[100rem]" : "max-w-7xl";
  const scopeLabel = user.role === "admin" ? "Administrator · all organizations" : (user.organization?.name ?? "");
  return (
    <div className="min-h-screen">
      {/* The first Tab stop: keyboard users skip the header and navigation on every page. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow-lg focus:outline-2 focus:outline-indigo-600"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        {/* On a phone: the product and "Sign out" on one line, who is signed in and "Change password" on the
            next, each on one line; from sm up, all on one. */}
        <div
          className={`mx-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3 sm:px-6 ${width}`}
        >
          <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight text-slate-900">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-indigo-600" />
            Signalhouse
          </Link>
          <div className="order-last flex w-full min-w-0 items-center justify-between gap-3 sm:order-none sm:w-auto sm:flex-1 sm:justify-end">
            <div className="min-w-0 leading-tight sm:text-right" data-testid="signed-in-user">
              <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
              <p className="truncate text-xs text-slate-500">{user.email}</p>
              <p className="truncate text-xs text-slate-500" data-testid="signed-in-scope">
                {scopeLabel}
              </p>
            </div>
            <Link
              href="/account/password"
              className="whitespace-nowrap text-sm font-medium text-slate-700 hover:text-slate-900"
            >
              Change password
            </Link>
          </div>
          <SignOutButton />
        </div>
      </header>
      <div className={`mx-auto flex flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row ${width}`}>
        <NavLinks
          items={navItemsFor(user.role)}
          current={current}
          navClassName="md:w-48 md:shrink-0"
          listClassName="-mx-1 flex flex-wrap gap-1 md:mx-0 md:flex-col"
        />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          <PageHeading title={title} description={description} actions={actions} />
          <div className="space-y-6">{children}</div>
        </main>
      </div>
    </div>
  );
}
