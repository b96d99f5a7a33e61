// The embedded hirer portal (#15) as a hirer meets it: an ATS page on localhost embeds the portal served
// from 127.0.0.1 (another site), in a Chromium that blocks third-party cookies. The session rides on a
// partitioned (CHIPS) cookie; frame-ancestors keeps every other origin out.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, chromium, type Frame, type Page, expect as pwExpect } from "@playwright/test";
import { CHROMIUM_ARGS, currentFacts, findChromium } from "./chromium";
import { E2E, PORTAL_HOST_PORTS } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";
import { type PortalHost, startPortalHost } from "./support/portal-host";
import { setDeliveryState } from "./support/test-hooks";

// A browser of its own for this file, started as Chromium is when third-party cookies are phased out
// (the same browser playwright.config.ts picks; launchOptions here replace the config's whole object).
test.use({
  launchOptions: {
    executablePath: findChromium(currentFacts(chromium.executablePath())),
    args: [...CHROMIUM_ARGS, "--test-third-party-cookie-phaseout"],
  },
});

const SCREENSHOTS = path.resolve("test-results", "screenshots");
let allowed: PortalHost;
let other: PortalHost;

test.beforeAll(async () => {
  allowed = await startPortalHost(PORTAL_HOST_PORTS.allowed, E2E.baseURL);
  other = await startPortalHost(PORTAL_HOST_PORTS.other, E2E.baseURL);
});
test.afterAll(async () => {
  await allowed?.close();
  await other?.close();
});

const statuses = [
  { key: "new", label: "New", success: null },
  { key: "interview", label: "Interview", success: null },
  { key: "hired", label: "Hired", success: true },
];

async function configurePortal(request: APIRequestContext) {
  const put = await v1(request).put("/portal/settings", { allowedOrigins: [allowed.origin], accentColor: "#0f766e" });
  expect(put.status()).toBe(200);
}

async function portalLink(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const created = await v1(request).post("/portal/sessions", {
    user: { id: `ats-user-${uniqueSuffix()}`, name: "Hannah Hirer", email: "hannah@acme.example" },
    ...body,
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { url: string }).url;
}

async function newPipeline(request: APIRequestContext): Promise<string> {
  const key = `portal-${uniqueSuffix()}`;
  const put = await v1(request).put(`/pipelines/${key}`, { name: "Standard hiring", kind: "application", statuses });
  expect(put.status()).toBe(202);
  return key;
}

/** The portal's frame on the host page, once the host page has mounted it. */
async function portalFrame(page: Page): Promise<Frame> {
  await expect(page.locator("#signalhouse iframe")).toHaveCount(1);
  const handle = await page.locator("#signalhouse iframe").elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error("no portal frame");
  return frame;
}

const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { portalMessages: unknown[] }).portalMessages);

test("a hirer enters through the link, edits and saves a pipeline in the frame; the ATS page hears of it", async ({
  page,
  request,
}) => {
  await configurePortal(request);
  const key = await newPipeline(request);
  const url = await portalLink(request, { role: "hirer", page: `/pipelines/${key}` });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(allowed.pageFor(url));
  const frame = page.frameLocator("#signalhouse iframe");
  await expect(frame.getByRole("heading", { name: "Standard hiring" })).toBeVisible();
  // This browser really blocks third-party cookies: in the frame a plain SameSite=None cookie is dropped,
  // a partitioned one kept (which is what the portal's session rides on).
  const jar = await (await portalFrame(page)).evaluate(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test is what the browser does with document.cookie
    document.cookie = "plain3p=1; SameSite=None; Secure; Path=/";
    // biome-ignore lint/suspicious/noDocumentCookie: as above, for the partitioned one
    document.cookie = "chips3p=1; SameSite=None; Secure; Partitioned; Path=/";
    return document.cookie;
  });
  expect(jar).not.toContain("plain3p=1");
  expect(jar).toContain("chips3p=1");
  // No admin navigation and no product chrome: the hirer's two pages only.
  await expect(frame.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Pipelines",
    "Positions",
  ]);
  await expect(frame.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // The organization's accent colour on the primary button.
  await expect(frame.getByRole("button", { name: "Save new version" })).toHaveCSS(
    "background-color",
    "rgb(15, 118, 110)",
  );

  // The frame's height follows the content, told by signalhouse:resize messages.
  await pwExpect
    .poll(
      async () => (await messages(page)).filter((m) => (m as { type: string }).type === "signalhouse:resize").length,
    )
    .toBeGreaterThan(0);
  const resize = (await messages(page)).findLast((m) => (m as { type: string }).type === "signalhouse:resize") as {
    height: number;
  };
  expect(resize.height).toBeGreaterThan(400);
  await expect(page.locator("#signalhouse iframe")).toHaveCSS("height", `${resize.height}px`);

  await frame.getByLabel("Pipeline name").fill("Standard hiring, portal edit");
  await frame.getByRole("button", { name: "Save new version" }).click();
  await expect(frame.getByText("Saved as version 2.")).toBeVisible();
  await pwExpect
    .poll(() => messages(page))
    .toContainEqual({ type: "signalhouse:pipeline-saved", pipeline: key, version: 2 });

  // The save is the organization's, as the API reads it back.
  const read = await v1(request).get(`/pipelines/${key}`);
  expect(await read.json()).toMatchObject({ key, version: 2, name: "Standard hiring, portal edit" });

  // Screenshots of the framed portal at a desktop and a phone width. The viewport is made as tall as the
  // host page so the frame (another site: its own renderer) is painted whole.
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await pwExpect
      .poll(async () => (await page.locator("#signalhouse iframe").boundingBox())?.width ?? 0)
      .toBeLessThanOrEqual(width);
    await page.waitForTimeout(500);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, `portal-${width}.png`) });
  }

  // The same link a second time: a page that says so, not the portal.
  await page.goto(allowed.pageFor(url));
  await expect(frame.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await expect(frame.getByText("Ask your ATS to open Signalhouse again.")).toBeVisible();
});

test("a viewer sees the pipeline but cannot save it", async ({ page, request }) => {
  await configurePortal(request);
  const key = await newPipeline(request);
  const url = await portalLink(request, { role: "viewer", page: `/pipelines/${key}` });
  await page.goto(allowed.pageFor(url));
  const frame = page.frameLocator("#signalhouse iframe");
  await expect(frame.getByRole("heading", { name: "Standard hiring" })).toBeVisible();
  await expect(frame.getByTestId("read-only-note")).toBeVisible();
  await expect(frame.getByRole("button", { name: "Save new version" })).toBeDisabled();
  await expect(frame.getByLabel("Pipeline name")).toBeDisabled();
  const read = await v1(request).get(`/pipelines/${key}`);
  expect(((await read.json()) as { version: number }).version).toBe(1);
});

test("a page on an origin not allowed cannot show the portal", async ({ page, request }) => {
  await configurePortal(request);
  const url = await portalLink(request, { page: "/pipelines" });
  const portalPage = page.waitForResponse((r) => new URL(r.url()).pathname === "/pipelines");
  await page.goto(other.pageFor(url));
  const response = await portalPage;
  expect(response.headers()["content-security-policy"]).toBe(`frame-ancestors ${allowed.origin}`);
  const frame = await portalFrame(page);
  // Chromium refuses to render it: the frame holds its own error page, never the portal.
  await pwExpect.poll(() => frame.url()).toMatch(/^chrome-error:/);
  await expect(
    page.frameLocator("#signalhouse iframe").getByRole("heading", { name: "Pipelines", level: 1 }),
  ).toHaveCount(0);
});

test("admin pages refuse every frame", async ({ request }) => {
  const response = await request.get("/admin/users", { maxRedirects: 0 });
  expect(response.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  const signin = await request.get("/signin");
  expect(signin.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
});

test("in the portal, nothing of another organization can be read, and admin pages are not there", async ({
  adminPage,
  page,
  request,
  createOrganization,
}) => {
  // Another organization with a pipeline of its own, made through the admin UI and its own API key.
  const theirs = await createOrganization("Portal Other");
  await adminPage.goto(`/admin/api-keys?organization=${theirs.id}`);
  const form = adminPage.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Key name").fill("Their ATS");
  await form.getByRole("button", { name: "Create key" }).click();
  const theirKey = ((await adminPage.getByTestId("new-api-key").locator("code").textContent()) ?? "").trim();
  const theirPipeline = `theirs-${uniqueSuffix()}`;
  const put = await request.put(`/api/v1/pipelines/${theirPipeline}`, {
    headers: { authorization: `Bearer ${theirKey}` },
    data: { name: "Their secret process", kind: "application", statuses },
  });
  expect(put.status()).toBe(202);

  await configurePortal(request);
  const url = await portalLink(request, { page: "/pipelines" });
  await page.goto(allowed.pageFor(url));
  const frame = await portalFrame(page);
  await expect(
    page.frameLocator("#signalhouse iframe").getByRole("heading", { name: "Pipelines", level: 1 }),
  ).toBeVisible();
  await expect(page.frameLocator("#signalhouse iframe").getByText("Their secret process")).toHaveCount(0);

  // Named outright, their pipeline and their organization read as not found.
  for (const target of [
    `/pipelines/${theirPipeline}?org=${theirs.slug}`,
    `/pipelines/${theirPipeline}`,
    `/pipelines?org=${theirs.slug}`,
  ]) {
    const answer = await frame.goto(`${E2E.baseURL}${target}`);
    expect(answer?.status(), target).toBe(404);
    await expect(page.frameLocator("#signalhouse iframe").getByText("Their secret process")).toHaveCount(0);
  }
  // An admin page in the frame: neither shown nor framable.
  const admin = await frame.goto(`${E2E.baseURL}/admin/users`).catch(() => null);
  if (admin) expect(admin.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  await expect(page.frameLocator("#signalhouse iframe").getByRole("heading", { name: "Users" })).toHaveCount(0);
});

test("in the portal, an application's deliveries are live, in plain words, and a failed one can be retried", async ({
  page,
  request,
}) => {
  const api = v1(request);
  const suffix = uniqueSuffix();
  const accepted = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string }[] };
  };
  await accepted(
    await api.put(`/pipelines/pd-${suffix}`, { name: "Portal deliveries", kind: "application", statuses }),
  );
  await accepted(
    await api.put(`/positions/PD-${suffix}`, {
      title: "Line cook",
      applicationPipeline: `pd-${suffix}`,
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.test/jobs/PD/apply",
    }),
  );
  await accepted(
    await api.put(`/applications/PD-A-${suffix}`, {
      positionId: `PD-${suffix}`,
      candidate: { given: "Robin", family: "Reader" },
      seekToken: `tok-${suffix}-0123456789`,
    }),
  );
  const moved = await accepted(await api.post(`/applications/PD-A-${suffix}/status`, { status: "interview" }));
  const deliveryId = moved.deliveries[0]?.id ?? "";

  await configurePortal(request);
  const url = await portalLink(request, { role: "hirer", page: `/applications/PD-A-${suffix}` });
  await page.goto(allowed.pageFor(url));
  const frame = page.frameLocator("#signalhouse iframe");
  const table = frame.getByTestId("deliveries");
  await expect(table).toBeVisible();
  await expect(frame.getByTestId("delivery-hint")).toHaveCount(0);

  // The board refuses it while the page is open: the frame shows it without a reload, in plain words.
  await setDeliveryState(request, [deliveryId], "failed", "BAD_USER_INPUT");
  await expect(frame.getByTestId("delivery-hint")).toContainText("SEEK refused the signal's content", {
    timeout: 15_000,
  });
  await frame.getByRole("button", { name: "Retry" }).click();
  await expect(frame.getByText("Queued to be sent again now.")).toBeVisible();
  await expect(frame.getByTestId("delivery-hint")).toHaveCount(0, { timeout: 15_000 });
});
