// The shell of a page shown in the ATS's frame (AppShell hands over to it for a portal session): the
// hirer navigation only, no product name, no sign-out (the ATS signs its users in and out), the
// organization's accent colour, and the bridge that keeps the ATS page told of the frame's height.
import type { CSSProperties, ReactNode } from "react";
import type { TSessionUser } from "@/lib/auth/session-user";
import { navItemsFor } from "../app-shell/nav-items";
import { NavLinks, PageHeading } from "../app-shell/page-frame-parts";
import { PortalBridge } from "./portal-bridge";

/**
 * The accent replaces the indigo (pages) and sky (pipeline editor) the hirer pages are styled with:
 * Tailwind's utilities read these variables, so setting them on the frame's root recolours every button,
 * link and badge below it. The 600/700 shades, which carry white text, are the accent itself.
 */
function accentStyle(accent: string | null): CSSProperties | undefined {
  if (!accent || !/^#[0-9a-f]{6}$/i.test(accent)) return undefined;
  const tint = (percent: number) => `color-mix(in srgb, ${accent} ${percent}%, white)`;
  const shade = (percent: number) => `color-mix(in srgb, ${accent} ${percent}%, black)`;
  const palette = {
    50: tint(10),
    100: tint(18),
    200: tint(35),
    300: tint(55),
    500: accent,
    600: accent,
    700: accent,
    800: shade(80),
  };
  const variables: Record<string, string> = {};
  for (const hue of ["indigo", "sky"]) {
    for (const [step, value] of Object.entries(palette)) variables[`--color-${hue}-${step}`] = value;
  }
  return variables as CSSProperties;
}

export function PortalFrame({
  user,
  current,
  title,
  description,
  actions,
  children,
}: {
  user: TSessionUser & { portal: NonNullable<TSessionUser["portal"]> };
  current: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PortalBridge origins={user.portal.allowedOrigins}>
      <div style={accentStyle(user.portal.accentColor)} data-portal-role={user.portal.role}>
        <div className="mx-auto flex max-w-[100rem] flex-wrap items-center justify-between gap-3 px-4 pt-4 sm:px-6">
          <NavLinks items={navItemsFor("hirer")} current={current} listClassName="flex flex-wrap gap-1" />
          <p className="min-w-0 truncate text-xs text-slate-500" data-testid="signed-in-user">
            {user.name} · {user.organization?.name}
            {user.portal.role === "viewer" ? " · view only" : ""}
          </p>
        </div>
        <main className="mx-auto max-w-[100rem] px-4 py-4 sm:px-6">
          <PageHeading title={title} description={description} actions={actions} />
          <div className="space-y-6">{children}</div>
        </main>
      </div>
    </PortalBridge>
  );
}
