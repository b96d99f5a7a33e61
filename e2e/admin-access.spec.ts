// Roles: a hirer (created by the admin through the UI) never sees the admin pages, and a deactivated
// user's open session stops working on their next request.
import { expect, signIn, test } from "./fixtures";

test("a hirer is refused /admin/users and /admin/api-keys, and lands on their positions", async ({
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Hirer Org");
  const hirer = await createHirer(org);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, hirer.email, hirer.password);
  // "/" sends hirers to their positions (a page another branch builds).
  await expect(page).toHaveURL(/\/positions$/);

  for (const target of ["/admin/users", "/admin/api-keys", "/admin/organizations", `/admin/organizations/${org.id}`]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(hirer.email);
    await expect(page.locator("body")).not.toContainText("admin@signalhouse.test");
  }
  await context.close();
});

test("deactivating a user ends their open session at their next request; reactivated, they sign in again and the old session stays dead", async ({
  browser,
  adminPage,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Deactivation Org");
  const hirer = await createHirer(org);

  const context = await browser.newContext();
  const hirerPage = await context.newPage();
  await signIn(hirerPage, hirer.email, hirer.password);
  const before = await hirerPage.request.get("/", { maxRedirects: 0 });
  expect(before.headers().location).toMatch(/\/positions$/);

  await adminPage.goto("/admin/users");
  const row = adminPage.locator(`[data-testid="user-row"][data-email="${hirer.email}"]`);
  await row.getByRole("button", { name: "Deactivate" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("deactivated", { exact: true })).toBeVisible();

  // Same cookie, next request: treated as signed out.
  const after = await hirerPage.request.get("/", { maxRedirects: 0 });
  expect(new URL(after.headers().location ?? "", "http://x").pathname).toBe("/signin");
  // And the password no longer works.
  await hirerPage.goto("/signin");
  await hirerPage.getByLabel("Email").fill(hirer.email);
  await hirerPage.getByLabel("Password").fill(hirer.password);
  await hirerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(hirerPage.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect");

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByText("active", { exact: true })).toBeVisible();
  // The old cookie stays dead (docs/decisions/0011): reactivating does not revive what was cut off.
  const revived = await hirerPage.request.get("/", { maxRedirects: 0 });
  expect(new URL(revived.headers().location ?? "", "http://x").pathname).toBe("/signin");
  // A fresh sign-in works again.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await signIn(freshPage, hirer.email, hirer.password);
  await expect(freshPage).toHaveURL(/\/positions$/);
  await fresh.close();
  await context.close();
});

test("an admin cannot deactivate their own account", async ({ adminPage }) => {
  await adminPage.goto("/admin/users");
  const own = adminPage.locator('[data-testid="user-row"][data-email="admin@signalhouse.test"]');
  await expect(own).toContainText("you");
  await expect(own.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
});
