// The hirer pages end to end: an admin builds a pipeline from a template in the editor, the ATS creates a
// position and an application through the API, and three moves on the application page become three
// ApplicationStatusUpdate signals with the right current/previous. User text is shown as text
// everywhere, and a hirer sees only their own organization.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signIn, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const SCREENSHOTS = path.join("test-results", "screenshots");

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test if any script injected through a label runs (it would open a dialog). */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", async (dialog) => {
    seen.push(dialog.message());
    await dialog.dismiss();
  });
  return seen;
}

type SignalState = {
  phase?: { label: string; index: number; total: number };
  status: { label: string; index: number; total: number };
  success: boolean | null;
  timestamp: string;
};
type Signal = { typeCode: string; token?: string; current: SignalState; previous?: SignalState };

/** The ApplicationStatusUpdate signals queued for one seek-token, oldest first, payloads included. */
async function signalsForToken(request: APIRequestContext, token: string): Promise<Signal[]> {
  const api = v1(request);
  const list = await api.get("/deliveries?channel=seek-signal&limit=200");
  expect(list.status(), await list.text()).toBe(200);
  const { deliveries } = (await list.json()) as { deliveries: { id: string; kind: string }[] };
  const signals: Signal[] = [];
  for (const summary of deliveries.filter((d) => d.kind === "ApplicationStatusUpdate")) {
    const one = await api.get(`/deliveries/${summary.id}`);
    expect(one.status()).toBe(200);
    const payload = (await one.json()).delivery.payload as Signal;
    if (payload.token === token) signals.push(payload);
  }
  return signals.reverse();
}

test("an admin builds a two-level pipeline from a template; three moves on the application page queue three signals", async ({
  adminPage: page,
  request,
}) => {
  const dialogs = watchDialogs(page);
  const suffix = uniqueSuffix();
  const key = `e2e-hiring-${suffix}`;
  const scriptLabel = `<script>alert("label-${suffix}")</script> Shortlist`;
  const scriptTitle = `<script>alert("title-${suffix}")</script> Barista`;
  const scriptGiven = `<script>alert("name-${suffix}")</script>`;
  const positionId = `E2E-POS-${suffix}`;
  const applicationId = `E2E-APP-${suffix}`;
  const token = `e2eToken${suffix}+/abc==`;

  // 1. New pipeline → the editor → a template → rename one status → save.
  await page.goto("/pipelines?org=default");
  const form = page.getByRole("form", { name: "New pipeline" });
  await form.getByLabel("Kind").selectOption("application");
  await form.getByLabel("Name").fill(`E2E hiring ${suffix}`);
  await form.getByLabel("Key (optional)").fill(key);
  await form.getByRole("button", { name: "Open the editor" }).click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${key}\\?org=default&new=application`));
  await page.getByRole("button", { name: "Start from template: Applications: phases and statuses" }).click();
  await expect(page.getByLabel("Pipeline name")).toHaveValue(`E2E hiring ${suffix}`);
  await page.getByLabel("Label of status 2 of 14").fill(scriptLabel);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${key}\\?org=default$`));
  await expect(page.getByTestId("pipeline-version")).toHaveCount(1);

  // Rendered by the server from the stored version: the label is text in the SEEK preview.
  await page.reload();
  await expect(page.getByRole("heading", { name: "What SEEK receives" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: scriptLabel })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Checks" })).toBeVisible();
  await screenshot(page, "pipeline-editor");

  // 2. The ATS creates the position and the application (with a seek-token) through the API.
  const api = v1(request);
  const positionPipeline = await api.put(`/pipelines/e2e-positions-${suffix}`, {
    name: "Position lifecycle",
    kind: "position",
    statuses: [
      { key: "open", label: "Open", success: null },
      { key: "filled", label: "Filled", success: true },
    ],
  });
  expect(positionPipeline.status()).toBe(202);
  const position = await api.put(`/positions/${positionId}`, {
    title: scriptTitle,
    pipeline: `e2e-positions-${suffix}`,
    applicationPipeline: key,
    seekPositionProfileIds: [PROFILE],
    applyUrl: "https://ats.example.com/jobs/1/apply",
  });
  expect(position.status()).toBe(202);
  const application = await api.put(`/applications/${applicationId}`, {
    positionId,
    candidate: { given: scriptGiven, family: "Astley" },
    seekToken: token,
  });
  expect(application.status()).toBe(202);

  // 3. Three moves through the UI.
  const responses: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|text|x-component/.test(type)) responses.push(await response.text().catch(() => ""));
  });
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${scriptGiven} Astley`);
  await expect(page.getByTestId("seek-token")).toContainText(`${token.slice(0, 6)}…`);
  const move = page.getByRole("form", { name: "Move the application" });
  const history = page.getByTestId("status-change");
  const current = page.getByTestId("current-status");

  await move.getByLabel("Move to").selectOption({ label: "1. New" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(current).toContainText("New");
  await expect(history).toHaveCount(1);
  await expect(move.getByRole("status")).toContainText("Moved.");

  // After a move the selection steps on to the next status.
  await expect(move.getByLabel("Move to")).toHaveValue("shortlist");
  await move.getByRole("button", { name: "Move" }).click();
  await expect(current).toContainText(scriptLabel);
  await expect(history).toHaveCount(2);

  await move.getByLabel("Move to").selectOption({ label: "3. Phone screen" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(current).toContainText("Phone screen");
  await expect(history).toHaveCount(3);
  await expect(page.getByTestId("seek-state")).toContainText("Screening");
  await expect(page.getByTestId("seek-state")).toContainText("3 / 14");

  // Moving to the status it is in is refused with a message, and records nothing.
  await move.getByLabel("Move to").selectOption({ label: "3. Phone screen (current)" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move.getByRole("alert")).toContainText("already in status");
  await expect(history).toHaveCount(3);

  await expect(history.first()).toContainText(scriptLabel);
  await expect(history.first()).toContainText("Phone screen");
  await expect(page.getByTestId("delivery-row").filter({ hasText: "ApplicationStatusUpdate" })).toHaveCount(3);
  await screenshot(page, "application");
  for (const body of responses) expect(body).not.toContain(token);

  // 4. What SEEK will receive: three signals, each with the right current and previous.
  const signals = await signalsForToken(request, token);
  expect(signals).toHaveLength(3);
  const [first, second, third] = signals as [Signal, Signal, Signal];
  expect(first.current).toMatchObject({
    phase: { label: "Applied", index: 1, total: 7 },
    status: { label: "New", index: 1, total: 14 },
    success: null,
  });
  expect(first.previous).toBeUndefined();
  expect(second.current.status).toEqual({ label: scriptLabel, index: 2, total: 14 });
  expect(second.previous?.status).toEqual({ label: "New", index: 1, total: 14 });
  expect(third.current).toMatchObject({
    phase: { label: "Screening", index: 2, total: 7 },
    status: { label: "Phone screen", index: 3, total: 14 },
  });
  expect(third.previous?.status).toEqual({ label: scriptLabel, index: 2, total: 14 });
  expect(second.previous?.timestamp).toBe(first.current.timestamp);
  expect(third.previous?.timestamp).toBe(second.current.timestamp);
  expect(new Set(signals.map((s) => s.current.timestamp)).size).toBe(3);

  // 5. The position page: title as text, the application, the apply link for SEEK ads.
  await page.goto(`/positions/${positionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(scriptTitle);
  const row = page.getByTestId("application-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${scriptGiven} Astley`);
  await expect(row).toContainText("Phone screen");
  await expect(row).toContainText("yes");
  await expect(page.getByTestId("apply-link")).toContainText(`/apply/default/${positionId}`);
  // Moving the position from its page queues its PositionStatusUpdate.
  const movePosition = page.getByRole("form", { name: "Move the position" });
  await expect(movePosition.getByLabel("Move to")).toHaveValue("open");
  await movePosition.getByRole("button", { name: "Move" }).click();
  await expect(page.getByTestId("current-status")).toContainText("Open");
  await expect(page.getByTestId("status-change")).toHaveCount(1);
  await expect(page.getByTestId("delivery-row").filter({ hasText: "PositionStatusUpdate" })).toHaveCount(1);
  await expect(page.getByTestId("seek-profiles")).toContainText(PROFILE);
  await expect(page.getByRole("link", { name: `E2E hiring ${suffix}` })).toHaveAttribute(
    "href",
    `/pipelines/${key}?org=default`,
  );
  await screenshot(page, "position");

  await page.goto("/positions?org=default");
  await expect(page.getByTestId("position-row").filter({ hasText: scriptTitle })).toContainText("Open");
  await screenshot(page, "positions");

  // The same pages on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/positions/${positionId}`);
  await screenshot(page, "position-phone");
  await page.goto(`/applications/${applicationId}`);
  await screenshot(page, "application-phone");

  expect(dialogs).toEqual([]);
});

test("a hirer sees only their organization's positions and gets a 404 for another organization's application", async ({
  adminPage,
  browser,
  request,
  createOrganization,
  createHirer,
}) => {
  const suffix = uniqueSuffix();
  const org = await createOrganization("Hirer UI");
  const hirer = await createHirer(org);

  // An API key for the hirer's organization, made by the admin.
  await adminPage.goto(`/admin/api-keys?organization=${org.id}`);
  await adminPage.getByRole("form", { name: "Create an API key" }).getByLabel("Key name").fill("e2e ATS");
  await adminPage.getByRole("button", { name: "Create key" }).click();
  const key = (await adminPage.locator("#new-api-key-value").textContent())?.trim() ?? "";
  expect(key).not.toBe("");
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const own = {
    pipeline: (
      await request.put("/api/v1/pipelines/flow", {
        headers,
        data: {
          name: "Flow",
          kind: "application",
          statuses: [
            { key: "new", label: "New", success: null },
            { key: "hired", label: "Hired", success: true },
          ],
        },
      })
    ).status(),
    position: (
      await request.put(`/api/v1/positions/HIRER-POS-${suffix}`, {
        headers,
        data: { title: `Hirer position ${suffix}`, applicationPipeline: "flow", applyUrl: "https://ats.example.com/a" },
      })
    ).status(),
    application: (
      await request.put(`/api/v1/applications/HIRER-APP-${suffix}`, {
        headers,
        data: { positionId: `HIRER-POS-${suffix}`, candidate: { given: "Own", family: "Candidate" } },
      })
    ).status(),
  };
  expect(own).toEqual({ pipeline: 202, position: 202, application: 202 });

  // Another organization's (default's) position and application, with the bootstrap key.
  const api = v1(request);
  expect(
    (
      await api.put(`/positions/OTHER-POS-${suffix}`, {
        title: `Other position ${suffix}`,
        applyUrl: "https://ats.example.com/b",
      })
    ).status(),
  ).toBe(202);
  expect(
    (
      await api.put(`/applications/OTHER-APP-${suffix}`, {
        positionId: `OTHER-POS-${suffix}`,
        candidate: { given: "Other", family: "Candidate" },
      })
    ).status(),
  ).toBe(202);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, hirer.email, hirer.password);
  await page.goto("/positions");
  await expect(page.getByRole("form", { name: "Choose an organization" })).toHaveCount(0);
  await expect(page.getByTestId("position-row")).toHaveCount(1);
  await expect(page.getByTestId("position-row")).toContainText(`Hirer position ${suffix}`);
  await expect(page.locator("body")).not.toContainText(`Other position ${suffix}`);

  for (const target of [
    `/applications/OTHER-APP-${suffix}`,
    `/applications/OTHER-APP-${suffix}?org=default`,
    `/positions/OTHER-POS-${suffix}`,
    `/positions/HIRER-POS-${suffix}?org=default`,
    "/positions?org=default",
    "/pipelines?org=default",
  ]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Other Candidate");
  }

  // Their own application opens, and they can move it.
  await page.goto(`/applications/HIRER-APP-${suffix}`);
  const move = page.getByRole("form", { name: "Move the application" });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(page.getByTestId("current-status")).toContainText("New");
  await expect(page.getByTestId("status-change")).toContainText(hirer.name);
  await context.close();
});

test("a page named with text the database cannot hold is a 404, not an error page", async ({ adminPage: page }) => {
  for (const path of [
    "/positions?org=%00",
    "/pipelines?org=%00",
    "/positions/POS-1?org=%00",
    "/applications/APP-1?org=acme%00",
    "/pipelines/flow?org=%00",
    "/positions/POS%00",
    "/applications/APP%00",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
