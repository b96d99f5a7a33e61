// The overview at /: an admin sees every channel (also when empty), pauses and resumes SEEK signals and
// sees the switch change, and gets from a count to a delivery's detail in three clicks. Hirers never see
// it (redirected to their positions, 403 from its JSON); anonymous callers get 401.
// No board is reachable from the e2e server, so queued deliveries stay pending (retrying): enough here.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";

const SCREENSHOTS = path.join("test-results", "screenshots");
const CHANNELS = ["SEEK signal", "SEEK history", "LinkedIn note"];

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

/** One status signal for SEEK, queued the way the ATS does it. */
async function queueStatusSignal(request: APIRequestContext, suffix: string): Promise<string> {
  const api = v1(request);
  const ok = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await ok(
    await api.put(`/pipelines/ovw-${suffix}`, {
      name: "Overview journey",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "hired", label: "Hired", success: true },
      ],
    }),
  );
  await ok(
    await api.put(`/positions/OVW-${suffix}`, {
      title: "Barista",
      applicationPipeline: `ovw-${suffix}`,
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.test/jobs/OVW/apply",
    }),
  );
  await ok(
    await api.put(`/applications/OVW-A-${suffix}`, {
      positionId: `OVW-${suffix}`,
      candidate: { given: "Olive", family: "Overview" },
      seekToken: Buffer.from(JSON.stringify({ jobId: 27, candidateId: suffix })).toString("base64url"),
    }),
  );
  const moved = await ok(await api.post(`/applications/OVW-A-${suffix}/status`, { status: "new" }));
  return moved.deliveries.find((d) => d.channel === "seek-signal")!.id;
}

test("an admin sees all three channels, pauses and resumes SEEK signals, and reaches a delivery in three clicks", async ({
  adminPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  for (const name of CHANNELS) {
    await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
  }
  // Only a fresh server has no deliveries yet (other specs queue some): a picture of the empty state then.
  if (await page.getByTestId("overview-empty").isVisible()) await screenshot(page, "overview-empty-1280.png");

  const deliveryId = await queueStatusSignal(page.request, uniqueSuffix());
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  for (const name of CHANNELS) {
    await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
  }
  const signal = page.getByTestId("channel-seek-signal");
  await expect(signal.getByTestId("channel-state")).toHaveText("Running");
  await expect(signal.getByTestId("latency")).toBeVisible();
  await expect(signal.getByTestId("throughput-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("workers")).toContainText("Alive (1)");
  await expect(page.getByRole("link", { name: "Organizations" }).last()).toBeVisible();
  await screenshot(page, "overview-1280.png");

  // Pause: confirmed in a dialog, then the card and the JSON both say paused, and who did it.
  await signal.getByRole("button", { name: "Pause SEEK signal" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pause" }).click();
  await expect(signal.getByTestId("channel-state")).toHaveText("Paused");
  await expect(signal.getByTestId("pause-result-seek-signal")).toContainText("Paused seek-signal");
  await expect(signal.getByTestId("channel-changed")).toContainText(/Paused by .+ at /);
  await expect(page.getByTestId("overview-summary")).toContainText("SEEK signal is paused");
  const json = await (await page.request.get("/api/admin/overview")).json();
  expect(json.channels.find((c: { channel: string }) => c.channel === "seek-signal").control.paused).toBe(true);
  await screenshot(page, "overview-paused-1280.png");

  await signal.getByRole("button", { name: "Resume SEEK signal" }).click();
  await expect(signal.getByTestId("channel-state")).toHaveText("Running");
  await expect(signal.getByTestId("pause-result-seek-signal")).toContainText("Resumed seek-signal");
  await expect(page.getByTestId("channel-seek-history").getByTestId("channel-state")).toHaveText("Running");

  // Overview → filtered list → detail: three clicks.
  await signal.getByRole("link", { name: /pending, SEEK signal$/ }).click();
  await expect(page).toHaveURL(/\/deliveries\?channel=seek-signal&state=pending$/);
  await page.locator(`a[href^="/deliveries/${deliveryId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${deliveryId}`));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("region", { name: "LinkedIn note", exact: true })).toBeVisible();
  await expect(page.getByTestId("channel-seek-signal").getByTestId("throughput-chart").locator("svg")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  await screenshot(page, "overview-390.png");
  await page.screenshot({ path: path.join(SCREENSHOTS, "overview-390-top.png") });
  await page.getByTestId("channel-seek-signal").getByTestId("latency").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "overview-390-channel.png") });
  await page.getByTestId("workers").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "overview-390-workers.png") });
});

test("a failed refresh says so and keeps the last data on screen", async ({ adminPage: page }) => {
  await page.goto("/");
  await expect(page.getByTestId("channel-seek-signal")).toBeVisible();
  await page.route("**/api/admin/overview", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: "The database is not answering." } }),
    }),
  );
  await expect(page.getByTestId("refresh-error")).toContainText(
    /Couldn't refresh: The database is not answering\. Showing data from .+ UTC/,
    { timeout: 20_000 },
  );
  for (const name of CHANNELS) {
    await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
  }
  await screenshot(page, "overview-refresh-failed-1280.png");
  await page.unroute("**/api/admin/overview");
  await expect(page.getByTestId("refresh-error")).toHaveCount(0, { timeout: 20_000 });
});

test("pause and resume are keyboard operable", async ({ adminPage: page }) => {
  await page.goto("/");
  const note = page.getByTestId("channel-linkedin-note");
  const pause = note.getByRole("button", { name: "Pause LinkedIn note" });
  await pause.focus();
  await expect(pause).toBeFocused();
  await page.keyboard.press("Enter");
  // The confirmation takes the focus: Enter again confirms it.
  await expect(page.getByRole("dialog").getByRole("button", { name: "Pause" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(note.getByTestId("channel-state")).toHaveText("Paused");
  const resume = note.getByRole("button", { name: "Resume LinkedIn note" });
  await resume.focus();
  await page.keyboard.press("Enter");
  await expect(note.getByTestId("channel-state")).toHaveText("Running");
});

test("a hirer is sent to their positions and gets 403 from the overview's JSON; anonymous callers get 401", async ({
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Overview Hirer Org");
  const hirer = await createHirer(org);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, hirer.email, hirer.password);
  await page.goto("/");
  await expect(page).toHaveURL(/\/positions$/);
  await expect(page.getByTestId("overview")).toHaveCount(0);
  const forbidden = await page.request.get("/api/admin/overview");
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
  await context.close();

  const anonymous = await browser.newContext();
  const answer = await anonymous.request.get("/api/admin/overview");
  expect(answer.status()).toBe(401);
  expect((await answer.json()).error.code).toBe("UNAUTHENTICATED");
  const visit = await anonymous.request.get("/", { maxRedirects: 0 });
  expect(new URL(visit.headers().location ?? "", "http://x").pathname).toBe("/signin");
  await anonymous.close();
});
