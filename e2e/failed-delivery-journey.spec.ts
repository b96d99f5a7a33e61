// The paged admin's journeys against a board that answers (issue #6):
// - SEEK refuses a seek-token (BAD_USER_INPUT); the admin finds the failed signal from the overview in two
//   clicks, reads SEEK's message, the ATS replaces the token through the API (decision 0084), the admin
//   retries, and the page shows it delivered, which the SEEK mock confirms.
// - SEEK is down (every request 503) while 500 signals are written; they die (made dead through the e2e
//   hook: dead takes SIGNALHOUSE_DEAD_AFTER, 3 days, of failures); SEEK recovers; the admin requeues them
//   in bulk after a count confirmation, and every one reaches SEEK (decision 0085: the retry probes the
//   destination at once instead of waiting out the circuit's back-off).
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { BOARD_E2E } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";
import { type BoardServer, startBoardServer } from "./support/board-server";
import { setDeliveryState } from "./support/test-hooks";

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

test("500 signals that died while SEEK was down are requeued in bulk once it recovers, and all reach SEEK", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(600_000);
  const mock = board!.mock;
  const api = v1(request);
  const suffix = uniqueSuffix();
  const count = 500;
  mock.reset();
  mock.setFaults({ http5xx: 1 });
  const ok = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await ok(
    await api.put(`/pipelines/outage-${suffix}`, {
      name: "Outage",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "shortlist", label: "Shortlist", success: null },
      ],
    }),
  );
  await ok(
    await api.put(`/positions/OUT-${suffix}`, {
      title: "Barista",
      applicationPipeline: `outage-${suffix}`,
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.test/jobs/OUT/apply",
    }),
  );
  const application = `OUT-A-${suffix}`;
  const token = seekToken(`outage-${suffix}`);
  await ok(
    await api.put(`/applications/${application}`, {
      positionId: `OUT-${suffix}`,
      candidate: { given: "Olive", family: "Outage" },
      seekToken: token,
    }),
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const moved = await ok(
      await api.post(`/applications/${application}/status`, { status: i % 2 ? "shortlist" : "new" }),
    );
    ids.push(moved.deliveries.find((d) => d.channel === "seek-signal")!.id);
  }
  // SEEK answered 503 to what was sent meanwhile; nothing reached it.
  await expect.poll(() => mock.received().length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(mock.acceptedSignals()).toEqual([]);
  for (let i = 0; i < ids.length; i += 250) await setDeliveryState(request, ids.slice(i, i + 250), "dead");

  // SEEK is back. The admin filters the dead ones of this application and requeues them.
  mock.setFaults({});
  mock.reset();
  await page.goto(`/deliveries?state=dead&application=${application}`);
  await page.getByRole("button", { name: "Requeue dead…" }).click();
  const confirm = page.getByTestId("bulk-confirm");
  await expect(confirm).toContainText(`${count} deliveries`);
  await confirm.getByRole("button", { name: `Retry ${count}` }).click();
  await expect(page.getByTestId("bulk-result")).toContainText(`${count} deliveries queued to be sent now`);

  // Every one reaches SEEK, once (that the retry probes at once is pinned by admin-delivery-changes.int.test.ts).
  await expect.poll(() => mock.acceptedSignals().length, { timeout: 60_000 }).toBe(count);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(mock.acceptedSignals()).toHaveLength(count);
  expect(new Set(mock.acceptedSignals().map((signal) => signal.token))).toEqual(new Set([token]));
  await page.goto(`/deliveries?state=delivered&application=${application}`);
  await expect(page.getByTestId("state-counts").getByRole("link", { name: /^delivered/ })).toContainText(`${count}`);
  await screenshot(page, "journey-requeued-delivered-1280.png");
});
