// Signing in and out, the uniform failure message, and what an anonymous visitor gets: redirects to
// /signin and no data, whether or not the proxy is in the way.
import path from "node:path";
import { E2E } from "./e2e-env";
import { expect, signIn, test } from "./fixtures";

const SCREENSHOTS = path.resolve("test-results", "screenshots");

test("admin signs in, sees the shell with their name and the admin navigation, and signs out", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "signin.png"), fullPage: true });

  await signIn(page, E2E.adminEmail, E2E.adminPassword);
  await expect(page).toHaveURL(`${E2E.baseURL}/`);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText(E2E.adminEmail);
  await expect(page.getByTestId("signed-in-scope")).toHaveText("Administrator · all organizations");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Overview", "Organizations", "Users", "API keys", "Deliveries", "Pipelines", "Positions"]) {
    await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
  }

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers$/);
});

test("a wrong password shows 'Email or password is incorrect', and so does an unknown email", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill("nobody@signalhouse.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect");
});

test("ten failed sign-ins lock the address for 15 minutes, with a message that says so", async ({ page }) => {
  // An address nobody has: locked the same way as a real one, so the lock reveals nothing.
  const email = `locked-${Date.now().toString(36)}@signalhouse.test`;
  await page.goto("/signin");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Email or password is incorrect");
  }
  await page.getByLabel("Password").fill("guess 10");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many failed sign-ins for this email address. Wait 15 minutes, then try again.");
  await expect(page).toHaveURL(/\/signin/);
});

test("after signing in, the visitor returns to the page they asked for, and never to another host", async ({
  page,
}) => {
  await page.goto("/admin/api-keys");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fapi-keys$/);
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill(E2E.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${E2E.baseURL}/admin/api-keys`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await page.getByLabel("Email").fill(E2E.adminEmail);
  await page.getByLabel("Password").fill(E2E.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${E2E.baseURL}/`);
});

test.describe("anonymous visitors", () => {
  const pages = ["/", "/admin/organizations", "/admin/users", "/admin/api-keys", "/admin/organizations/anything"];

  for (const target of pages) {
    test(`GET ${target} redirects to /signin and shows no data`, async ({ request }) => {
      const response = await request.get(target, { maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(response.status());
      expect(new URL(response.headers().location ?? "", E2E.baseURL).pathname).toBe("/signin");
      expect(await response.text()).not.toContain(E2E.adminEmail);
    });

    test(`GET ${target} with a forged session cookie still redirects (the page checks, not only the proxy)`, async ({
      request,
    }) => {
      const response = await request.get(target, {
        maxRedirects: 0,
        headers: { cookie: "next-auth.session-token=forged.not-a-jwt.value" },
      });
      expect([302, 303, 307, 308]).toContain(response.status());
      expect(new URL(response.headers().location ?? "", E2E.baseURL).pathname).toBe("/signin");
      expect(await response.text()).not.toContain(E2E.adminEmail);
    });
  }

  test("the session endpoint has nothing for them", async ({ request }) => {
    const response = await request.get("/api/auth/session");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({});
  });
});
