// A newcomer's first `npm start` has no administrator (no SIGNALHOUSE_ADMIN_EMAIL/PASSWORD): every page
// leads to /setup, and the administrator created there is signed in at once (issue #17), not sent to
// the sign-in page to type the same password again.
import { BOARD_E2E } from "./e2e-env";
import { expect, test } from "./fixtures";
import { type BoardServer, startBoardServer } from "./support/board-server";

test.use({ baseURL: BOARD_E2E.baseURL });

let server: BoardServer | undefined;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startBoardServer({ firstAdmin: false });
});
test.afterAll(async () => {
  await server?.stop();
});

test("the first administrator is created at /setup and lands signed in on the overview", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();

  // A password below the minimum is refused with a message, and nothing is created.
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Email").fill("ada@first-run.test");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);

  // The sign-in request is held until the page has said what it is doing: on a fast machine the
  // message lasts only as long as that request, too short to be seen reliably otherwise.
  let releaseSignIn = () => {};
  const signInHeld = new Promise<void>((resolve) => {
    releaseSignIn = resolve;
  });
  await page.route("**/api/auth/callback/credentials**", async (route) => {
    await signInHeld;
    await route.continue();
  });
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByRole("status")).toHaveText("Administrator created. Signing you in…");
  releaseSignIn();
  // Sign-in and the overview's first render; slow only on a loaded machine.
  await expect(page).toHaveURL(`${BOARD_E2E.baseURL}/`, { timeout: 30_000 });
  await expect(page.getByText("ada@first-run.test")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // /setup is gone once an administrator exists.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
});
