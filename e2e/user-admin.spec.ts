// Users (#17): an admin changes a role and resets a password (shown once; the old one and every session
// end), and a person changes their own password, staying signed in while their other sessions end.
import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function signedInContext(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

async function expectSignInRefused(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect");
}

async function expectSessionEnded(page: Page) {
  const response = await page.request.get("/", { maxRedirects: 0 });
  expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/signin");
}

test("an admin makes a hirer an administrator and back a hirer of an organization", async ({
  adminPage,
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Roles");
  const hirer = await createHirer(org);
  await adminPage.goto("/admin/users");
  const row = adminPage.locator(`[data-testid="user-row"][data-email="${hirer.email}"]`);

  await row.getByRole("button", { name: `Change role of ${hirer.email}` }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByLabel("Role", { exact: true }).selectOption("admin");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${hirer.email} is now an administrator.`);
  await adminPage.keyboard.press("Escape");
  await expect(row.getByText("admin", { exact: true })).toBeVisible();

  // The promoted person sees the admin pages at once.
  const promoted = await signedInContext(browser, hirer.email, hirer.password);
  await promoted.page.goto("/admin/users");
  await expect(promoted.page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();

  // Back to hirer: without an organization it is refused with a message on the field.
  await row.getByRole("button", { name: `Change role of ${hirer.email}` }).click();
  await dialog.getByLabel("Role", { exact: true }).selectOption("hirer");
  await dialog.getByLabel("Organization", { exact: true }).selectOption("");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(dialog.getByText("A hirer needs an organization: choose one")).toBeVisible();
  await dialog.getByLabel("Organization", { exact: true }).selectOption(org.id);
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(dialog.getByRole("status")).toHaveText(`${hirer.email} is now a hirer.`);
  await adminPage.keyboard.press("Escape");
  await expect(row.getByText("hirer", { exact: true })).toBeVisible();

  // Their next request is a hirer's: the admin page is not there for them.
  const response = await promoted.page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await promoted.context.close();
});

test("an admin resets a password: shown once, the old one refused, their session ended, the new one works", async ({
  adminPage,
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Reset");
  const hirer = await createHirer(org);
  const victim = await signedInContext(browser, hirer.email, hirer.password);

  await adminPage.goto("/admin/users");
  const row = adminPage.locator(`[data-testid="user-row"][data-email="${hirer.email}"]`);
  await row.getByRole("button", { name: `Reset password of ${hirer.email}` }).click();
  const dialog = adminPage.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reset password" }).click();
  const shown = dialog.getByTestId("temporary-password");
  await expect(shown).toContainText("it will not be shown again");
  const temporary = (await shown.locator("code").textContent())?.trim() ?? "";
  expect(temporary).toMatch(/^[A-Za-z2-9]{20}$/);
  await adminPage.keyboard.press("Escape");
  // Closed and reopened, the dialog no longer holds the password.
  await row.getByRole("button", { name: `Reset password of ${hirer.email}` }).click();
  await expect(dialog.getByTestId("temporary-password")).toHaveCount(0);
  await adminPage.keyboard.press("Escape");

  await expectSessionEnded(victim.page);
  await expectSignInRefused(victim.page, hirer.email, hirer.password);
  await signIn(victim.page, hirer.email, temporary);
  await expect(victim.page).toHaveURL(/\/positions$/);
  await victim.context.close();
});

test("a person changes their own password with the current one; other sessions end, this one stays", async ({
  browser,
  createOrganization,
  createHirer,
}) => {
  const org = await createOrganization("Self");
  const hirer = await createHirer(org);
  const elsewhere = await signedInContext(browser, hirer.email, hirer.password);
  const here = await signedInContext(browser, hirer.email, hirer.password);
  const page = here.page;

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
  const form = page.getByRole("form", { name: "Change your password" });
  const newPassword = `${hirer.password} renewed`;

  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password")).toBeVisible();

  await form.getByLabel("Current password").fill(hirer.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toHaveText(
    "Password changed. Your other sessions have been signed out; you are still signed in here.",
  );
  await page.goto("/account/password");
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();

  await expectSessionEnded(elsewhere.page);
  await expectSignInRefused(elsewhere.page, hirer.email, hirer.password);
  await signIn(elsewhere.page, hirer.email, newPassword);
  await expect(elsewhere.page).toHaveURL(/\/positions$/);
  await elsewhere.context.close();
  await here.context.close();
});
