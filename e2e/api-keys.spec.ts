// API keys in the admin UI: created for one organization, shown exactly once, listed by prefix, revoked;
// the v1 API refuses a key from the moment the admin revokes it, although the API had just verified
// (and remembered, docs/decisions/0164) it.
import path from "node:path";
import { expect, test } from "./fixtures";

const SCREENSHOTS = path.resolve("test-results", "screenshots");

test("admin creates an API key, sees it once, and revokes it", async ({
  adminPage: page,
  context,
  request,
  createOrganization,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const org = await createOrganization("Keys Org");
  await page.goto(`/admin/api-keys?organization=${org.id}`);
  await expect(page.getByRole("heading", { name: `Keys of ${org.name}` })).toBeVisible();
  await expect(page.getByText("No keys yet.")).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Key name").fill("Production ATS");
  await form.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toContainText("it will not be shown again");
  const key = (await shown.locator("code").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sh_[A-Za-z0-9_-]{43}$/);

  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const row = page.locator('[data-testid="api-key-row"][data-name="Production ATS"]');
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).toContainText("never");
  await expect(row).toContainText("active");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SCREENSHOTS, "api-keys.png"), fullPage: true });

  // Once: a reload shows the prefix only.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(row).toContainText(key.slice(0, 10));

  const readPositions = () => request.get("/api/v1/positions", { headers: { authorization: `Bearer ${key}` } });
  expect((await readPositions()).status()).toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  expect((await readPositions()).status()).toBe(401);
});

test("the API keys page reads well on a phone", async ({ adminPage: page, createOrganization }) => {
  const org = await createOrganization("Phone Org");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/api-keys?organization=${org.id}`);
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Key name").fill("Phone key");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "api-keys-phone.png"), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
