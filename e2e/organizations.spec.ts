// An organization's LinkedIn client secret is write-only: after saving, no response the browser receives
// (HTML, RSC payloads, action results) contains it; the page shows only "set · ab…yz".
import { expect, test } from "./fixtures";

test("admin creates an organization with a LinkedIn secret and the page never shows it in full", async ({
  adminPage: page,
  createOrganization,
}) => {
  const org = await createOrganization("Secret Org");
  const secret = `li-secret-${Date.now()}-DoNotShow-zq`;
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|text|x-component/.test(type)) bodies.push(await response.text().catch(() => ""));
  });

  await page.goto(`/admin/organizations/${org.id}`);
  await expect(page.getByRole("heading", { name: org.name })).toBeVisible();
  await expect(page.getByTestId("linkedin-secret-state")).toHaveText("not set");
  const form = page.getByRole("form", { name: "Board integration settings" });
  await form.getByLabel("SEEK hirer id").fill("seekAnzPublicTest:organization:seek:93WyyF1h");
  await form.getByLabel("LinkedIn integration context").fill("urn:li:organization:42");
  await form.getByLabel("LinkedIn client id").fill("client-id-42");
  await form.getByLabel("Secret").fill(secret);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");

  await expect(page.getByTestId("linkedin-secret-state")).toHaveText("set · li…zq");
  await expect(form.getByLabel("Replace with a new secret")).toHaveValue("");
  await expect(form.getByLabel("SEEK hirer id")).toHaveValue("seekAnzPublicTest:organization:seek:93WyyF1h");

  await page.reload();
  await expect(page.getByTestId("linkedin-secret-state")).toHaveText("set · li…zq");
  await page.goto("/admin/organizations");
  const row = page.getByRole("row").filter({ hasText: org.name });
  await expect(row).toContainText("configured");

  expect(bodies.length).toBeGreaterThan(2);
  for (const body of bodies) expect(body).not.toContain(secret.slice(3, -3));
});

test("a taken slug is reported on the form, not as an error page", async ({ adminPage: page, createOrganization }) => {
  const org = await createOrganization("Dup Org");
  await page.goto("/admin/organizations");
  const form = page.getByRole("form", { name: "Add an organization" });
  await form.getByLabel("Name").fill("Another name");
  await form.getByLabel("Slug").fill(org.slug);
  await form.getByRole("button", { name: "Add organization" }).click();
  await expect(form.getByRole("alert")).toContainText(`The slug "${org.slug}" is taken.`);
  await expect(form.getByText("This slug is taken")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Another name");
});
