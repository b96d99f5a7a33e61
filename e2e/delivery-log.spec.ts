// The delivery log as an admin uses it: 500 signals queued through the v1 API and then made dead (through
// the e2e server's test-only hook: dead takes 3 days of failures otherwise), found with the filters and
// the search box, opened from the keyboard, requeued in bulk after a count confirmation, and exported as
// CSV. A hirer reaches none of it.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, signIn, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";
import { setDeliveryState } from "./support/test-hooks";

const SCREENSHOTS = path.join("test-results", "screenshots");
const COUNT = 500;

/** The viewport (not the whole 50-row page) at both widths, scrolled to `focus` when given. */
async function screenshots(page: Page, name: string, focus?: Locator) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 1000],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (focus) await focus.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** One application with a seek-token, moved between two statuses COUNT times: COUNT seek-signal deliveries. */
async function queueSignals(
  request: APIRequestContext,
  suffix: string,
): Promise<{ application: string; ids: string[] }> {
  const api = v1(request);
  const ok = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await ok(
    await api.put(`/pipelines/log-${suffix}`, {
      name: "Log journey",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "shortlist", label: "Shortlist", success: null },
      ],
    }),
  );
  await ok(
    await api.put(`/positions/LOG-${suffix}`, {
      title: "Cook",
      applicationPipeline: `log-${suffix}`,
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.test/jobs/LOG/apply",
    }),
  );
  const application = `LOG-A-${suffix}`;
  const token = Buffer.from(JSON.stringify({ jobId: 28, candidateId: suffix })).toString("base64url");
  await ok(
    await api.put(`/applications/${application}`, {
      positionId: `LOG-${suffix}`,
      candidate: { given: "Pat", family: "Log" },
      seekToken: token,
    }),
  );
  const ids: string[] = [];
  // Sequential: each move's "from" is the previous one's "to".
  for (let i = 0; i < COUNT; i++) {
    const result = await ok(
      await api.post(`/applications/${application}/status`, { status: i % 2 ? "shortlist" : "new" }),
    );
    ids.push(...result.deliveries.filter((d) => d.channel === "seek-signal").map((d) => d.id));
  }
  expect(ids).toHaveLength(COUNT);
  return { application, ids };
}

test("an admin finds 500 dead deliveries by filter and search, requeues them after a count confirmation, and exports them", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(600_000);
  const suffix = uniqueSuffix();
  const { application, ids } = await queueSignals(request, suffix);
  for (let i = 0; i < ids.length; i += 250) await setDeliveryState(request, ids.slice(i, i + 250), "dead");

  // Filter through the form: state and the ATS's application id; the URL carries both.
  await page.goto("/deliveries");
  const filters = page.getByRole("form", { name: "Filter deliveries" });
  await filters.getByLabel("State").selectOption("dead");
  await filters.getByText("More filters").click();
  await filters.getByLabel("Application id").fill(application);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/deliveries\\?state=dead&application=${application}$`));
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(50);
  for (const state of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-state")))) {
    expect(state).toBe("dead");
  }
  await expect(page.getByRole("link", { name: "Older →" })).toBeVisible();
  await screenshots(page, "delivery-log-filtered", rows.first());

  // Bulk retry: the server counts, the admin confirms that number, the server changes exactly that many.
  await page.getByRole("button", { name: "Retry matching…" }).click();
  const confirm = page.getByTestId("bulk-confirm");
  await expect(confirm).toContainText(`Retry ${COUNT} deliveries matching: state=dead, application=${application}?`);
  await screenshots(page, "delivery-log-confirm", confirm);
  await confirm.getByRole("button", { name: `Retry ${COUNT}` }).click();
  await expect(page.getByTestId("bulk-result")).toContainText(`${COUNT} deliveries queued to be sent now`);
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("deliveries-empty")).toBeVisible();

  // The search box finds them by the application's ATS id (and says what it searched for).
  await page.goto("/deliveries");
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(application);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/deliveries\\?q=${application}$`));
  await expect(page.getByTestId("searched-for")).toContainText("application id");
  await expect(rows.first()).toBeVisible();
  for (const id of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-id")))) {
    expect(ids).toContain(id);
  }
  // …and one delivery by its own id.
  await search.fill(ids[7]!);
  await search.press("Enter");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-id", ids[7]!);
  await screenshots(page, "delivery-log-search");

  // Keyboard: tab to the row's link and open it with Enter.
  await rows.first().getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/deliveries/${ids[7]}`));
  const cause = page.getByTestId("delivery-cause");
  await expect(cause).toContainText("Triggered by");
  await expect(cause).toContainText("bootstrap API key");
  await expect(cause.getByRole("link", { name: application })).toHaveAttribute(
    "href",
    new RegExp(`/applications/${application}`),
  );
  await screenshots(page, "delivery-log-detail");

  // CSV of the filter: a header and one line per delivery, the token only as its prefix.
  const csv = await page.request.get(`/api/admin/deliveries/export?application=${application}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,createdAt,organizationId,channel,kind,state/);
  expect(lines).toHaveLength(COUNT + 1);
  for (const id of ids.slice(0, 20)) expect(lines.some((line) => line.startsWith(`${id},`))).toBe(true);
  // The export link on the page carries the same filter.
  await page.goto(`/deliveries?application=${application}`);
  await expect(page.getByTestId("export-csv")).toHaveAttribute(
    "href",
    `/api/admin/deliveries/export?application=${application}`,
  );
  await screenshots(page, "delivery-log-list");

  // Invalid input: a message on the page, 400 from the routes.
  expect((await page.request.get("/api/admin/deliveries/export?from=yesterday")).status()).toBe(400);
  expect((await page.request.get("/api/admin/deliveries?kind=Telegram")).status()).toBe(400);
});

test("a hirer cannot reach the delivery log, its export or its bulk actions", async ({
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Log Hirer Org");
  const hirer = await createHirer(org);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, hirer.email, hirer.password);
  const response = await page.goto("/deliveries?state=dead");
  // The bulk actions live only on this page: a hirer never gets it, so never gets their action ids.
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("button", { name: "Retry matching…" })).toHaveCount(0);
  const csv = await page.request.get("/api/admin/deliveries/export?state=dead");
  expect(csv.status()).toBe(403);
  const hook = await page.request.post("/api/e2e/deliveries/state", { data: { deliveryIds: ["x"], state: "dead" } });
  expect(hook.status()).toBe(401);
  await context.close();
});
