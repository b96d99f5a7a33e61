// An admin finds, understands and fixes failed sends (#17): rows that say what they are about, ticked
// (with a shift-click range) and retried after the server's count, widened to "all N matching"; failures
// grouped by cause on /failures, acknowledged and resolved, each group linking to its rows; and
// "recover everything failed since …". Failures are put in place through the e2e server's test hook.
import { expect, test, uniqueSuffix } from "./fixtures";
import { queueSignals } from "./support/queue-signals";
import { setDeliveryState, setDestinationCircuit } from "./support/test-hooks";

test("an admin ticks a range of failed rows, retries them after a server count, then retries all N matching", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const { application, ids } = await queueSignals(request, suffix, 57);
  await setDeliveryState(request, ids, "failed", "E2E_SEEK_DOWN");

  await page.goto(`/deliveries?state=failed&application=${application}`);
  const rows = page.getByTestId("delivery-row");
  await expect(rows).toHaveCount(50);
  // Each row says what it is about: the status move by its labels, the ATS ids, the error in one line.
  const first = rows.first();
  await expect(first.getByTestId("change")).toHaveText(/^(New → Shortlist|Shortlist → New)$/);
  await expect(first.getByTestId("ats-ids")).toContainText(`application ${application}`);
  await expect(first.getByTestId("error-summary").first()).toContainText("E2E_SEEK_DOWN");

  // A click, then a shift-click four rows down: five rows ticked.
  const box = (i: number) => rows.nth(i).getByRole("checkbox");
  await box(0).click();
  await box(4).click({ modifiers: ["Shift"] });
  for (const i of [0, 1, 2, 3, 4]) await expect(box(i)).toBeChecked();
  await expect(box(5)).not.toBeChecked();
  const bar = page.getByTestId("selection-bar");
  await expect(bar).toContainText("5 selected on this page");
  const ticked = await Promise.all([0, 1, 2, 3, 4].map((i) => rows.nth(i).getAttribute("data-id")));

  // The server counts; the dialog takes focus and Esc leaves everything as it was.
  await bar.getByRole("button", { name: "Retry selected…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Retry 5 deliveries selected?");
  await expect(dialog.getByRole("button", { name: "Retry 5" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await bar.getByRole("button", { name: "Retry selected…" }).click();
  await dialog.getByRole("button", { name: "Retry 5" }).click();
  await expect(page.getByTestId("selection-result")).toContainText("5 deliveries queued to be sent now");
  for (const id of ticked) await expect(page.locator(`[data-testid="delivery-row"][data-id="${id}"]`)).toHaveCount(0);

  // Every row on the page, then every row the filter matches on every page.
  await page.getByRole("checkbox", { name: "Select every row on this page" }).click();
  await bar.getByRole("button", { name: "Select all 52 matching" }).click();
  await expect(bar).toContainText("All 52 deliveries matching this filter are selected");
  await bar.getByRole("button", { name: "Retry selected…" }).click();
  await expect(dialog).toContainText(`Retry 52 deliveries matching: state=failed, application=${application}?`);
  await dialog.getByRole("button", { name: "Retry 52" }).click();
  await expect(page.getByTestId("selection-result")).toContainText("52 deliveries queued to be sent now");
  await expect(rows).toHaveCount(0);
});

test("failures are grouped by cause, acknowledged and resolved, link to their rows, and are recovered since a time", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const down = `E2E_DOWN_${suffix}`;
  const refused = `E2E_REFUSED_${suffix}`;
  const { ids } = await queueSignals(request, suffix, 5);
  await setDeliveryState(request, ids.slice(0, 3), "failed", down);
  await setDeliveryState(request, ids.slice(3), "dead", refused);

  // The overview's "things need attention" leads to the groups.
  await page.goto("/");
  const summary = page.getByTestId("overview-summary");
  await expect(summary).toContainText("need");
  await summary.getByRole("link", { name: "Show failure groups" }).first().click();
  await expect(page).toHaveURL(/\/failures$/);

  const group = (code: string) => page.locator(`[data-testid="failure-group"][data-error="${code}"]`);
  await expect(group(down)).toContainText("3");
  await expect(group(down)).toContainText("3 failed · 0 dead");
  await expect(group(down).getByTestId("group-sample")).toContainText(down);
  await expect(group(refused)).toContainText("0 failed · 2 dead");

  await group(down)
    .getByRole("button", { name: /^Acknowledge/ })
    .click();
  await expect(group(down)).toHaveAttribute("data-status", "acknowledged");
  await expect(group(down)).toContainText("by admin@signalhouse.test");
  await group(refused)
    .getByRole("button", { name: /^Resolve/ })
    .click();
  await expect(group(refused)).toHaveAttribute("data-status", "resolved");

  // A group's count opens the log filtered to exactly its rows.
  await group(down)
    .getByRole("link", { name: /^Show the 3 deliveries/ })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/deliveries\\?organization=.+&channel=seek-signal&state=failed&error=${down}$`),
  );
  await expect(page.getByTestId("delivery-row")).toHaveCount(3);

  // Recover everything failed since a day ago: the count by channel and error, then the retry.
  await page.goto("/failures");
  const recover = page.getByRole("form", { name: "Recover failed deliveries" });
  await recover.getByRole("button", { name: "Count and recover…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("recover-breakdown")).toContainText(`seek-signal · ${down}: 3`);
  await expect(dialog.getByTestId("recover-breakdown")).toContainText(`seek-signal · ${refused}: 2`);
  await dialog.getByRole("button", { name: /^Retry \d+$/ }).click();
  await expect(page.getByTestId("recover-result")).toContainText("queued to be sent now");
  await page.reload();
  await expect(group(down)).toHaveCount(0);
  await expect(group(refused)).toHaveCount(0);
});

test("while the circuit holds a delivery back, its page says so in one status line, and labels the last error as the previous attempt's", async ({
  adminPage: page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const { ids, application } = await queueSignals(request, suffix, 1);
  const id = ids[0]!;
  // SEEK's circuit is open; a failure is on record and the row is pending again (as after a retry).
  const until = new Date(Date.now() + 30 * 60_000);
  await setDestinationCircuit(request, "seek", until, "HTTP 503 from SEEK");
  try {
    await setDeliveryState(request, [id], "pending", "HTTP_503");
    await page.goto(`/deliveries/${id}`);
    const line = page.getByTestId("status-line");
    await expect(line).toHaveAttribute("data-kind", "circuit");
    await expect(line).toContainText("Held back until the time below: the circuit to seek is open");
    await expect(line).toContainText("HTTP 503 from SEEK");
    await expect(line).toContainText(/Next attempt .+\(in \d+ min\)/);
    // Nothing on the page contradicts it.
    await expect(page.getByTestId("delivery-status")).not.toContainText(/due now/i);
    await expect(page.locator('dt:text-is("Next attempt") + dd')).toContainText(/\(in \d+ min\)/);
    await expect(page.getByTestId("error-label")).toHaveText("Previous attempt failed (it is being retried)");
  } finally {
    await setDestinationCircuit(request, "seek", null);
  }
  // Closed, the page no longer shows that circuit. This server has no SEEK credentials, so the worker's
  // next send (due now the circuit is closed) fails and may open it again at once, for its own reason: the
  // line may say "circuit", but never the closed one's "HTTP 503 from SEEK".
  await page.reload();
  await expect(page.getByTestId("status-line")).toBeVisible();
  await expect(page.getByTestId("status-line")).not.toContainText("HTTP 503 from SEEK");

  // From the application's page, an admin reaches the delivery through its row.
  await page.goto(`/applications/${application}?org=default`);
  await page.getByTestId("deliveries").getByRole("link", { name: "SEEK signal" }).click();
  await expect(page).toHaveURL(new RegExp(`/deliveries/${id}$`));
});
