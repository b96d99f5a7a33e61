// The paged admin's journey against a board that answers (issue #6): SEEK refuses a seek-token
// (BAD_USER_INPUT); the admin finds the failed signal from the overview in two clicks, reads SEEK's
// message, the ATS replaces the token through the API (decision 0084), the admin retries, and the page
// shows it delivered, which the SEEK mock confirms: the good token once, the bad one never accepted.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { BOARD_E2E } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";
import { type BoardServer, startBoardServer } from "./support/board-server";

const SCREENSHOTS = path.join("test-results", "screenshots");
const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";

test.use({ baseURL: BOARD_E2E.baseURL });

let board: BoardServer | undefined;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  board = await startBoardServer();
});
test.afterAll(async () => {
  await board?.stop();
});

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

const seekToken = (label: string) =>
  Buffer.from(JSON.stringify({ jobId: 27, candidateId: label, sessionId: `s-${label}` })).toString("base64url");

test("a signal SEEK refuses is found from the overview, fixed through the API, retried and delivered", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(180_000);
  const mock = board!.mock;
  const api = v1(request);
  const suffix = uniqueSuffix();
  const bad = seekToken(`bad-${suffix}`);
  const good = seekToken(`good-${suffix}`);
  mock.setBadTokens([bad]);
  const accepted = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await accepted(
    await api.put(`/pipelines/journey-${suffix}`, {
      name: "Journey",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "interview", label: "Interview", success: null },
      ],
    }),
  );
  await accepted(
    await api.put(`/positions/JRN-${suffix}`, {
      title: "Line cook",
      applicationPipeline: `journey-${suffix}`,
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.test/jobs/JRN/apply",
    }),
  );
  const application = {
    positionId: `JRN-${suffix}`,
    candidate: { given: "Robin", family: "Refused" },
  };
  await accepted(await api.put(`/applications/JRN-A-${suffix}`, { ...application, seekToken: bad }));
  const moved = await accepted(await api.post(`/applications/JRN-A-${suffix}/status`, { status: "interview" }));
  const deliveryId = moved.deliveries.find((d) => d.channel === "seek-signal")!.id;

  // SEEK refuses it at once; the engine marks it failed, never to be retried on its own.
  await expect
    .poll(async () => ((await (await api.get(`/deliveries/${deliveryId}`)).json()) as any).delivery.state, {
      timeout: 60_000,
    })
    .toBe("failed");

  // Click 1: the overview's failed count for SEEK signals. Click 2: the row.
  await page.goto("/");
  const card = page.getByTestId("channel-seek-signal");
  await expect(page.getByTestId("overview-summary")).toContainText("SEEK signal");
  await screenshot(page, "journey-overview-failed-1280.png");
  await card.getByRole("link", { name: /failed in the last hour, SEEK signal$/ }).click();
  await expect(page).toHaveURL(/\/deliveries\?channel=seek-signal&state=failed$/);
  await page.locator(`a[href^="/deliveries/${deliveryId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${deliveryId}(\\?|$)`));
  await expect(page.getByTestId("delivery-state")).toHaveAttribute("data-state", "failed");
  await expect(page.getByText("BAD_USER_INPUT").first()).toBeVisible();
  await expect(page.getByText(/token: Is not valid/).first()).toBeVisible();
  // the refused token is never shown in full
  await expect(page.locator("body")).not.toContainText(bad);
  await screenshot(page, "journey-detail-failed-1280.png");

  // The fix belongs to the ATS: it sends the application's new token through the API.
  await accepted(await api.put(`/applications/JRN-A-${suffix}`, { ...application, seekToken: good }));
  await page.reload();
  await page.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByTestId("action-result")).toContainText(/queued to be sent now|being sent right now/);
  await expect(page.getByTestId("delivery-state")).toHaveAttribute("data-state", "delivered", { timeout: 30_000 });
  await screenshot(page, "journey-detail-delivered-1280.png");

  const tokens = mock.acceptedSignals().map((signal) => signal.token);
  expect(tokens.filter((token) => token === good)).toHaveLength(1);
  expect(tokens).not.toContain(bad);
});
