// The admin deliveries page: deliveries the ATS caused through the v1 API show up, filter by channel and
// state (the filters live in the URL), open with their payload's seek-token redacted everywhere the
// browser can see, and can be retried or cancelled. Hirers and anonymous visitors get nothing.
// No board is reachable from the e2e server, so deliveries stay pending (or retrying): that is enough here.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";

const SCREENSHOTS = path.join("test-results", "screenshots");

/** A link-out seek-token shaped like SEEK's (base64url JSON), unique to this run. */
function seekToken(suffix: string): string {
  return Buffer.from(JSON.stringify({ jobId: 27, candidateId: suffix, sessionId: `s-${suffix}` })).toString(
    "base64url",
  );
}

async function queueDeliveries(request: APIRequestContext, suffix: string, token: string) {
  const api = v1(request);
  const ok = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await ok(
    await api.put(`/pipelines/dlv-${suffix}`, {
      name: "Deliveries journey",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "shortlist", label: "Shortlist", success: null },
        { key: "hired", label: "Hired", success: true },
      ],
    }),
  );
  await ok(
    await api.put(`/positions/DLV-${suffix}`, {
      title: "Barista",
      applicationPipeline: `dlv-${suffix}`,
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.test/jobs/DLV/apply",
    }),
  );
  await ok(
    await api.put(`/applications/DLV-A-${suffix}`, {
      positionId: `DLV-${suffix}`,
      candidate: { given: "Terry", family: "Astley" },
      seekToken: token,
    }),
  );
  const first = await ok(await api.post(`/applications/DLV-A-${suffix}/status`, { status: "new" }));
  const second = await ok(await api.post(`/applications/DLV-A-${suffix}/status`, { status: "shortlist" }));
  const note = await ok(
    await api.put(`/applications/DLV-A-${suffix}/notes/N-${suffix}`, {
      note: "Great coffee skills",
      author: { firstName: "Hannah", lastName: "Hirer" },
    }),
  );
  const signal = (result: typeof first) => result.deliveries.find((d) => d.channel === "seek-signal")!.id;
  return { first: signal(first), second: signal(second), note: note.deliveries[0]!.id };
}

/** Every page, RSC payload and JSON answer the browser receives, to prove a secret is in none of them. */
function recordBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|text|x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  return bodies;
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

test("an admin filters deliveries, opens one with its token redacted, retries one and cancels another", async ({
  adminPage: page,
  request,
  createOrganization,
}) => {
  const suffix = uniqueSuffix();
  const token = seekToken(suffix);
  const bodies = recordBodies(page);

  // An organization with LinkedIn set up shows its daily budget at the top of the page.
  const org = await createOrganization("Budget Org");
  await page.goto(`/admin/organizations/${org.id}`);
  const settings = page.getByRole("form", { name: "Board integration settings" });
  await settings.getByLabel("LinkedIn integration context").fill("urn:li:organization:77");
  await settings.getByLabel("LinkedIn client id").fill(`client-${suffix}`);
  await settings.getByLabel("Secret").fill(`li-secret-${suffix}`);
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Settings saved.");

  const ids = await queueDeliveries(request, suffix, token);
  // The ATS's own view of the same rows goes through the same listing (lib/delivery-log/delivery-views).
  const listed = await v1(request).get("/deliveries?channel=linkedin-note&limit=200");
  expect(listed.status(), await listed.text()).toBe(200);
  expect(((await listed.json()) as { deliveries: { id: string }[] }).deliveries.map((d) => d.id)).toContain(ids.note);

  await page.goto("/deliveries");
  await expect(page.getByRole("heading", { name: "Deliveries", level: 1 })).toBeVisible();
  const budget = page.locator(`[data-testid="linkedin-budget"][data-organization="${org.name}"]`);
  await expect(budget).toContainText("100,000 of 100,000 left");
  await expect(budget).toContainText(`client-${suffix}`);
  await expect(page.locator(`[data-testid="delivery-row"][data-id="${ids.note}"]`)).toBeVisible();
  await expect(page.getByTestId("live-status")).toContainText(/updated/);
  await screenshot(page, "deliveries.png");

  // Filter by channel and state; the URL carries both, and only matching rows remain.
  const filters = page.getByRole("form", { name: "Filter deliveries" });
  await filters.getByLabel("Channel").selectOption("seek-signal");
  await filters.getByLabel("State").selectOption("pending");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/deliveries\?channel=seek-signal&state=pending$/);
  const rows = page.getByTestId("delivery-row");
  await expect(rows.first()).toBeVisible();
  for (const channel of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-channel")))) {
    expect(channel).toBe("seek-signal");
  }
  await expect(page.locator(`[data-testid="delivery-row"][data-id="${ids.note}"]`)).toHaveCount(0);
  await expect(page.getByTestId("state-counts").getByRole("link", { name: /^pending/ })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // The same view from a shared link.
  await page.goto("/deliveries?channel=linkedin-note");
  await expect(page.locator(`[data-testid="delivery-row"][data-id="${ids.note}"]`)).toBeVisible();
  await expect(page.locator(`[data-testid="delivery-row"][data-id="${ids.first}"]`)).toHaveCount(0);

  // Open the first signal from the filtered list. The worker may be holding it for a moment (in flight,
  // so not pending): look again until it is back in the queue.
  const firstRow = page.locator(`[data-testid="delivery-row"][data-id="${ids.first}"]`);
  await expect(async () => {
    await page.goto("/deliveries?channel=seek-signal&state=pending");
    await expect(firstRow).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await firstRow.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${ids.first}\\?back=`));
  await expect(page.getByRole("heading", { name: "ApplicationStatusUpdate", level: 1 })).toBeVisible();
  const payload = page.getByTestId("payload");
  await expect(payload).toContainText('"typeCode": "ApplicationStatusUpdate"');
  await expect(payload).toContainText(`"token": "${token.slice(0, 8)}…"`);
  await expect(page.locator("body")).not.toContainText(token);
  await expect(page.getByTestId("attempts").or(page.getByTestId("no-attempts"))).toBeVisible();
  await screenshot(page, "delivery-detail.png");

  // Retry now on a pending delivery: due at once, said in words (or, if a worker just took it, why not).
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: "Retry now" }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("action-result")).toContainText(/queued to be sent now|being sent right now/);

  // Cancel the second signal. A worker may hold it for a moment (then the refusal says so); try until it lets go.
  await page.goto(`/deliveries/${ids.second}`);
  await expect(async () => {
    await page.getByRole("button", { name: "Cancel delivery" }).click();
    // The app's own confirmation dialog (no window.confirm): its confirm button has the focus.
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Cancel delivery" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel delivery" }).click();
    await expect(page.getByTestId("action-result")).toContainText("Delivery cancelled", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("delivery-state")).toHaveAttribute("data-state", "cancelled");
  await expect(page.getByTestId("delivery-status")).toContainText("Cancelled by an administrator");
  await expect(page.getByRole("button", { name: "Cancel delivery" })).toHaveCount(0);
  await expect(page.getByTestId("last-error")).toContainText("CANCELLED_BY_ADMIN");

  // The list agrees, from its own polling route.
  await page.goto("/deliveries?state=cancelled");
  await expect(page.locator(`[data-testid="delivery-row"][data-id="${ids.second}"]`)).toBeVisible();
  const polled = await page.request.get(`/api/admin/deliveries/${ids.first}`);
  expect(polled.status()).toBe(200);
  bodies.push(await polled.text());

  // Nothing the browser received carried the whole token.
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(token);
});

test("an invalid filter in the URL is explained, not an error page", async ({ adminPage: page }) => {
  const response = await page.goto("/deliveries?state=lost");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("filter-error")).toContainText("These filters are not valid");
  await expect(page.getByTestId("filter-error")).toContainText("state");
  const api = await page.request.get("/api/admin/deliveries?channel=fax");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.message).toContain("query.channel");

  // A NUL byte in a search is the filter's error too, never a server error.
  for (const query of ["q=%00", "application=APP%00", "webhook=ops%00"]) {
    const withNul = await page.goto(`/deliveries?${query}`);
    expect(withNul?.status(), query).toBe(200);
    await expect(page.getByTestId("filter-error")).toContainText("U+0000");
  }
});

test("a hirer gets a 404 for the deliveries pages and 403 from their JSON; anonymous visitors are sent to sign in", async ({
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Deliveries Hirer Org");
  const hirer = await createHirer(org);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, hirer.email, hirer.password);
  for (const target of ["/deliveries", "/deliveries/some-delivery-id"]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  for (const route of [
    "/api/admin/deliveries",
    "/api/admin/deliveries/some-delivery-id",
    "/api/admin/linkedin-budgets",
  ]) {
    const answer = await page.request.get(route);
    expect(answer.status(), route).toBe(403);
    expect((await answer.json()).error.code).toBe("FORBIDDEN");
  }
  await context.close();

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/deliveries?state=failed");
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  expect(decodeURIComponent(new URL(visitor.url()).searchParams.get("callbackUrl") ?? "")).toBe(
    "/deliveries?state=failed",
  );
  const answer = await visitor.request.get("/api/admin/deliveries");
  expect(answer.status()).toBe(401);
  expect((await answer.json()).error.code).toBe("UNAUTHENTICATED");
  await anonymous.close();
});
