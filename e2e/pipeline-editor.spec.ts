// The pipeline editor as issue #17 asks for it: its confirmations are the app's own dialog (focus moves in,
// Esc keeps things as they are, focus comes back; never window.confirm), its page navigates like every
// other page, a phone shows it without anything sticking out of its box, and an application on an older
// version of its pipeline says so.
import type { Locator, Page } from "@playwright/test";
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";

const statuses = [
  { key: "new", label: "New", phase: "screen", success: null },
  { key: "first", label: "First interview", phase: "talk", success: null },
  { key: "placed", label: "Placed", phase: "talk", success: true },
];

async function twoLevelPipeline(api: ReturnType<typeof v1>, key: string, name: string, firstLabel = "First interview") {
  const put = await api.put(`/pipelines/${key}`, {
    name,
    kind: "application",
    phases: [
      { key: "screen", label: "Screening of everyone who applied" },
      { key: "talk", label: "Interviews" },
    ],
    statuses: statuses.map((s) => (s.key === "first" ? { ...s, label: firstLabel } : s)),
  });
  expect(put.status(), await put.text()).toBe(202);
}

/** Fails the test on any native dialog: the editor must never fall back to window.confirm. */
function refuseNativeDialogs(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`native ${dialog.type()} dialog: ${dialog.message()}`);
  });
}

async function expectInside(inner: Locator, outer: Locator) {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) throw new Error("not rendered");
  expect(a.x).toBeGreaterThanOrEqual(b.x);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width);
}

test("removing phases and replacing an edited pipeline ask in the app's dialog: focus in, Esc keeps, confirm applies", async ({
  adminPage: page,
  request,
}) => {
  refuseNativeDialogs(page);
  const key = `e2e-editor-${uniqueSuffix()}`;
  await twoLevelPipeline(v1(request), key, "Editor dialogs");
  await page.goto(`/pipelines/${key}?org=default`);

  // "Remove phases": Esc first, then confirm.
  const removePhases = page.getByRole("button", { name: "Remove phases" });
  await removePhases.click();
  const removeDialog = page.getByRole("dialog", { name: "Remove all 2 phases?" });
  await expect(removeDialog).toBeVisible();
  await expect(removeDialog.getByRole("button", { name: "Remove phases" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(removeDialog).toBeHidden();
  await expect(removePhases).toBeFocused();
  await expect(page.getByRole("list", { name: "Phases in process order" }).getByRole("listitem")).toHaveCount(2);
  await removePhases.click();
  await removeDialog.getByRole("button", { name: "Remove phases" }).click();
  await expect(removeDialog).toBeHidden();
  await expect(page.getByText("Flat pipeline: SEEK receives statuses without phases.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Group statuses into phases" })).toBeFocused();

  // Replacing an edited pipeline with a template: Esc keeps the edits, confirming replaces them.
  const name = page.getByLabel("Pipeline name");
  await name.fill("Edited, not saved");
  await page.getByText("Start over from a template").click();
  const blank = page.getByRole("button", { name: "Start from a blank pipeline" });
  await blank.click();
  const replaceDialog = page.getByRole("dialog", { name: "Replace the pipeline you are editing?" });
  await expect(replaceDialog).toContainText("a blank pipeline");
  await expect(replaceDialog.getByRole("button", { name: "Replace it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(replaceDialog).toBeHidden();
  await expect(blank).toBeFocused();
  await expect(name).toHaveValue("Edited, not saved");
  await blank.click();
  await replaceDialog.getByRole("button", { name: "Replace it" }).click();
  await expect(replaceDialog).toBeHidden();
  await expect(name).toHaveValue("Hiring process");
  await expect(page.getByRole("button", { name: "Delete “First interview”" })).toHaveCount(0);
});

test("the editor page has the side navigation of every page, and nothing sticks out of its box at 390 px", async ({
  adminPage: page,
  request,
}) => {
  const key = `e2e-editor-${uniqueSuffix()}`;
  await twoLevelPipeline(v1(request), key, "Editor on a phone");

  // Desktop: the navigation beside the editor, as on /positions.
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const path of ["/positions?org=default", `/pipelines/${key}?org=default`]) {
    await page.goto(path);
    const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
    const main = await page.locator("main").boundingBox();
    expect(nav && main && nav.x + nav.width <= main.x, `navigation beside the content on ${path}`).toBe(true);
  }

  // Phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/pipelines/${key}?org=default`);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  const rows = page.getByRole("list", { name: "Phases in process order" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    for (const button of await row.getByRole("button").all()) await expectInside(button, row);
    await expectInside(row.getByRole("textbox"), row);
  }
  // The header's controls keep their words on one line.
  for (const control of [
    page.getByRole("link", { name: "Change password" }),
    page.getByRole("button", { name: "Sign out" }),
  ]) {
    const lines = await control.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  }
});

test("an application on an older pipeline version says so until a move records it on the current one", async ({
  adminPage: page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const key = `e2e-lag-${suffix}`;
  const positionId = `E2E-LAG-POS-${suffix}`;
  const applicationId = `E2E-LAG-APP-${suffix}`;
  const api = v1(request);
  await twoLevelPipeline(api, key, "Graduate pipeline");
  const position = await api.put(`/positions/${positionId}`, {
    title: "Graduate",
    applicationPipeline: key,
    seekPositionProfileIds: [],
    applyUrl: "https://ats.example.com/jobs/1/apply",
  });
  expect(position.status(), await position.text()).toBe(202);
  const app = await api.put(`/applications/${applicationId}`, {
    positionId,
    candidate: { given: "Lee", family: "Lag" },
  });
  expect(app.status(), await app.text()).toBe(202);
  const moved = await api.post(`/applications/${applicationId}/status`, { status: "first" });
  expect(moved.status(), await moved.text()).toBe(202);

  await page.goto(`/applications/${applicationId}?org=default`);
  await expect(page.getByTestId("version-lag")).toHaveCount(0);

  await twoLevelPipeline(api, key, "Graduate pipeline", "First chat");
  await twoLevelPipeline(api, key, "Graduate pipeline", "First meeting");
  await page.goto(`/applications/${applicationId}?org=default`);
  const notice = page.getByTestId("version-lag");
  await expect(notice).toContainText("On version 1 of Graduate pipeline; the current version is 3.");
  await expect(notice).toContainText("“Move to” offers the statuses of version 3");
  await expect(page.getByTestId("current-status")).toContainText("First interview");

  const move = page.getByRole("form", { name: "Move the application" });
  await move.getByLabel("Move to").selectOption("first");
  await move.getByRole("button", { name: "Move" }).click();
  await expect(page.getByTestId("current-status")).toContainText("First meeting");
  await expect(notice).toHaveCount(0);
});
