// The bootstrap key works without a row in the keys table: the keys page of the default organization says
// it exists, "set by environment", masked, and never shows it whole.
import { E2E } from "./e2e-env";
import { expect, test } from "./fixtures";

test("the API keys page shows the bootstrap key of the default organization as set by environment, masked", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/organizations");
  const href = await page.getByRole("link", { name: "Default organization" }).first().getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error("no link to the default organization");
  await page.goto(`/admin/api-keys?organization=${id}`);
  const note = page.getByTestId("bootstrap-key");
  await expect(note).toContainText("set by environment");
  await expect(note).toContainText(`${E2E.bootstrapKey.slice(0, 8)}…`);
  expect(await page.content()).not.toContain(E2E.bootstrapKey);
});
