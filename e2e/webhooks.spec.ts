// Operational webhooks against `npm start` (issue #14): the ATS registers a webhook through the API, SEEK
// (the mock) refuses a seek-token, and the ATS's receiver gets a `delivery.failed` it verifies with the
// Standard Webhooks reference library: the signature, the webhook-id (the failed delivery's event row)
// and the contract's body.
import type { Locator, Page } from "@playwright/test";
import { BOARD_E2E, E2E } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";
import { startWebhookReceiver, type WebhookReceiver } from "./mocks/webhooks/server";
import { v1 } from "./support/api";
import { type BoardServer, startBoardServer } from "./support/board-server";
import { setDeliveryState } from "./support/test-hooks";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const RECEIVER_PORT = Number(new URL(E2E.baseURL).port) + 9;

test.use({ baseURL: BOARD_E2E.baseURL });

let board: BoardServer | undefined;
let receiver: WebhookReceiver | undefined;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  receiver = await startWebhookReceiver({ port: RECEIVER_PORT });
  board = await startBoardServer();
});
test.afterAll(async () => {
  await board?.stop();
  await receiver?.close();
});

const seekToken = (label: string) =>
  Buffer.from(JSON.stringify({ jobId: 27, candidateId: label, sessionId: `s-${label}` })).toString("base64url");

/** Opens the default organization's admin page, as an admin would, and returns its webhooks card. */
async function defaultOrganizationWebhooks(page: Page): Promise<Locator> {
  await page.goto("/admin/organizations");
  await page
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "default", exact: true }) })
    .getByRole("link")
    .click();
  return page.locator("section", { has: page.getByRole("heading", { name: "Operational webhooks" }) });
}

/**
 * Sets up a pipeline, a position and an application whose seek-token the SEEK mock refuses, and moves
 * the application: SEEK's BAD_USER_INPUT fails the signal, which every `delivery.failed` webhook hears.
 * Returns the failed seek-signal delivery's id.
 */
async function refusedStatusChange(api: ReturnType<typeof v1>, suffix: string): Promise<string> {
  const bad_token = seekToken(`bad-${suffix}`);
  board!.mock.setBadTokens([bad_token]);
  const accepted = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await accepted(
    await api.put(`/pipelines/hooks-${suffix}`, {
      name: "Hooks",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "interview", label: "Interview", success: null },
      ],
    }),
  );
  await accepted(
    await api.put(`/positions/HK-${suffix}`, {
      title: "Line cook",
      applicationPipeline: `hooks-${suffix}`,
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.test/jobs/HK/apply",
    }),
  );
  const application = { positionId: `HK-${suffix}`, candidate: { given: "Robin", family: "Refused" } };
  await accepted(await api.put(`/applications/HK-A-${suffix}`, { ...application, seekToken: bad_token }));
  const moved = await accepted(await api.post(`/applications/HK-A-${suffix}/status`, { status: "interview" }));
  return moved.deliveries.find((d) => d.channel === "seek-signal")!.id;
}

test("a refused seek-token reaches the ATS as a signed delivery.failed webhook", async ({ request }) => {
  test.setTimeout(180_000);
  const api = v1(request);
  const suffix = uniqueSuffix();

  // Register the webhook: 201 with the secret, shown this once; the receiver verifies with it.
  const registered = await api.put(`/webhooks/ats-${suffix}`, {
    url: `${receiver!.url}/hooks/signalhouse`,
    events: ["delivery.failed", "delivery.dead", "delivery.expired", "deadline.missed"],
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const webhook = (await registered.json()) as { id: string; secret: string };
  expect(webhook.secret).toMatch(/^whsec_/);
  receiver!.setSecret(webhook.secret);
  const listed = await (await api.get("/webhooks")).json();
  expect(JSON.stringify(listed)).not.toContain(webhook.secret);

  // A URL at an internal address would be refused without the e2e switch; a bad event name is a 400.
  const bad = await api.put(`/webhooks/bad-${suffix}`, { url: `${receiver!.url}/x`, events: ["nope"] });
  expect(bad.status()).toBe(400);

  const deliveryId = await refusedStatusChange(api, suffix);

  await expect
    .poll(() => receiver!.events().find((e) => (e.body.data as { deliveryId?: string }).deliveryId === deliveryId), {
      timeout: 60_000,
    })
    .toBeTruthy();
  const event = receiver!.events().find((e) => (e.body.data as { deliveryId?: string }).deliveryId === deliveryId)!;
  expect(event.path).toBe("/hooks/signalhouse");
  expect(event.body).toMatchObject({
    type: "delivery.failed",
    data: {
      deliveryId,
      channel: "seek-signal",
      organization: "default",
      applicationId: `HK-A-${suffix}`,
      positionId: `HK-${suffix}`,
      error: { code: "BAD_USER_INPUT", message: expect.stringMatching(/token/), hint: expect.any(String) },
    },
  });
  // every attempt the receiver saw was signed correctly
  expect(receiver!.attempts().every((a) => a.verified)).toBe(true);

  // The webhook's own row is in the delivery log under the webhook channel, delivered.
  const log = await (await api.get("/deliveries?channel=webhook")).json();
  expect(JSON.stringify(log)).toContain(event.webhookId);
});

test("an admin sees the organization's webhooks, where they send and what failed, without their secrets", async ({
  adminPage: page,
  request,
}) => {
  const api = v1(request);
  const suffix = uniqueSuffix();
  // Only channel events, which no step here causes: this webhook's deliveries stay at none. The ATS put a
  // token in the URL's query: the page must not show it.
  const hidden = `hush-${suffix}`;
  const registered = await api.put(`/webhooks/quiet-${suffix}`, {
    url: `${receiver!.url}/hooks/quiet?token=${hidden}`,
    events: ["channel.degraded", "channel.recovered"],
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { secret } = (await registered.json()) as { secret: string };

  const card = await defaultOrganizationWebhooks(page);
  const row = card.locator(`tr[data-webhook="quiet-${suffix}"]`);
  await expect(row).toContainText(`${receiver!.url}/hooks/quiet?…`);
  await expect(row).toContainText("channel.degraded, channel.recovered");
  await expect(row).toContainText("none failed");
  // A short id reads as one piece: it never breaks at its hyphen (the table may squeeze its column to
  // the longest unbreakable part), on a desktop or a phone.
  const id = row.getByText(`quiet-${suffix}`, { exact: true });
  expect(await id.evaluate((span) => getComputedStyle(span).whiteSpace)).toBe("nowrap");
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await id.evaluate((span) => span.getClientRects().length)).toBe(1);
  if (desktop) await page.setViewportSize(desktop);
  const shown = await page.locator("main").innerText();
  expect(shown).not.toContain(hidden);
  expect(shown).not.toContain(secret);
  expect(shown).not.toContain(secret.slice(6, 20));

  // The delivery log link opens the organization's webhook sends.
  await card.getByRole("link", { name: "delivery log" }).click();
  await expect(page).toHaveURL(/\/deliveries\?organization=[^&]+&channel=webhook/);
});

test("an organization's page links each webhook's failed sends to that webhook's rows only", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(180_000);
  const api = v1(request);
  const suffix = uniqueSuffix();
  const register = async (name: string) => {
    const registered = await api.put(`/webhooks/${name}`, {
      url: `${receiver!.url}/hooks/${name}`,
      events: ["delivery.failed"],
    });
    expect(registered.status(), await registered.text()).toBe(201);
    return (await registered.json()) as { secret: string };
  };
  const ops = `ops-${suffix}`;
  const audit = `audit-${suffix}`;
  receiver!.setSecret((await register(ops)).secret);
  await register(audit);

  // One refused signal: both webhooks hear it. The receiver knows only ops's secret, but whatever each
  // request's answer, the row id it carried (webhook-id) is on record; the test hook then fails both
  // rows, which a real receiver would take days of retries to do.
  await refusedStatusChange(api, suffix);
  const rowFor = (name: string) => receiver!.attempts().find((a) => a.path === `/hooks/${name}`)?.webhookId;
  await expect.poll(() => [rowFor(ops), rowFor(audit)].every(Boolean), { timeout: 60_000 }).toBe(true);
  const opsRow = rowFor(ops)!;
  const auditRow = rowFor(audit)!;
  await setDeliveryState(request, [opsRow, auditRow], "failed");

  const card = await defaultOrganizationWebhooks(page);
  await expect(card.locator(`tr[data-webhook="${audit}"]`)).toContainText("1 failed");
  await card.locator(`tr[data-webhook="${ops}"]`).getByRole("link", { name: "1 failed" }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]webhook=${ops}(&|$)`));
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-id", opsRow);
  // The filter is on the form, where the admin can see and clear it.
  await expect(page.getByLabel("Webhook id")).toHaveValue(ops);
});
