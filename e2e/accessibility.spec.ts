// Every page through axe (@axe-core/playwright, WCAG 2.x A/AA rules): no serious or critical violation, at
// desktop and phone width. The pages hold real data: a pipeline, a position, an application with a
// failed delivery, so tables, badges and error texts are scanned as a person sees them.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { E2E } from "./e2e-env";
import { expect, signIn, test, uniqueSuffix } from "./fixtures";
import { queueSignals } from "./support/queue-signals";
import { setDeliveryState } from "./support/test-hooks";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
}

/** Every page at both widths; the violations of all of them at once, so one run shows everything to fix. */
async function scanAll(page: Page, paths: string[]) {
  const found: Record<string, unknown> = {};
  for (const path of paths) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${path} at ${width} px`] = violations;
    }
  }
  expect(found).toEqual({});
}

test("every signed-in page has no serious or critical axe violation", async ({ adminPage: page, request }) => {
  test.setTimeout(300_000);
  const suffix = uniqueSuffix();
  const { application, position, ids } = await queueSignals(request, suffix, 2);
  await setDeliveryState(request, ids.slice(0, 1), "failed", "E2E_A11Y");
  const org = "default";
  const pages = [
    "/",
    "/deliveries",
    `/deliveries?state=failed&application=${application}`,
    `/deliveries/${ids[0]}`,
    "/failures",
    "/admin/organizations",
    "/admin/users",
    "/admin/api-keys",
    "/account/password",
    `/pipelines?org=${org}`,
    `/pipelines/triage-${suffix}?org=${org}`,
    `/positions?org=${org}`,
    `/positions/${position}?org=${org}`,
    `/applications/${application}?org=${org}`,
  ];
  await scanAll(page, pages);
});

test("the signed-out pages have no serious or critical axe violation", async ({ page }) => {
  await scanAll(page, ["/signin", "/apply/UNKNOWN"]);
  // Signed in as the admin, the organization page too (it needs an id from the list).
  await signIn(page, E2E.adminEmail, E2E.adminPassword);
  await page.goto("/admin/organizations");
  const href = await page.getByRole("link", { name: "Default organization" }).first().getAttribute("href");
  if (!href) throw new Error("no link to the default organization");
  await scanAll(page, [href]);
});
