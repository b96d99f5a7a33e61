// Partner keys and provisioning against `npm start` (api-v1.md "Partner keys and provisioning"): the ATS
// vendor adds an organization, mints its key, the key writes a position, is revoked and refused; an admin
// creates a partner key in the UI, sees it once, and it provisions too.
import { E2E } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";

const partner = { authorization: `Bearer ${E2E.partnerKey}` };
const position = { title: "Barista", applyUrl: "https://ats.example.com/jobs/1/apply", seekPositionProfileIds: [] };

test("the partner provisions an organization, mints its key, writes with it, and revokes it", async ({ request }) => {
  const slug = `acme-${uniqueSuffix()}`;
  const created = await request.put(`/api/v1/organizations/${slug}`, {
    headers: partner,
    data: {
      name: "Acme Recruiting",
      seekHirerId: "seekAnzPublicTest:organization:seek:93WyyF1h",
      linkedin: { integrationContext: "urn:li:organization:1", clientId: "li-1", clientSecret: "li-secret-e2e" },
    },
  });
  expect(created.status()).toBe(201);
  const organization = await created.json();
  expect(organization).toMatchObject({ slug, linkedin: { clientSecretSet: true } });
  expect(JSON.stringify(organization)).not.toContain("li-secret-e2e");

  const read = await request.get(`/api/v1/organizations/${slug}`, { headers: partner });
  expect(read.status()).toBe(200);
  expect(await read.text()).not.toContain("li-secret-e2e");
  const updated = await request.put(`/api/v1/organizations/${slug}`, {
    headers: partner,
    data: { name: "Acme Recruiting Pty" },
  });
  expect(updated.status()).toBe(200);

  const minted = await request.post(`/api/v1/organizations/${slug}/api-keys`, {
    headers: { ...partner, "idempotency-key": `mint-${slug}` },
    data: { name: "Production ATS" },
  });
  expect(minted.status()).toBe(201);
  const key = await minted.json();
  expect(key.key).toMatch(/^sh_/);
  const replay = await request.post(`/api/v1/organizations/${slug}/api-keys`, {
    headers: { ...partner, "idempotency-key": `mint-${slug}` },
    data: { name: "Production ATS" },
  });
  expect(await replay.json()).toEqual({ ...key, key: null });

  const organizationKey = { authorization: `Bearer ${key.key}` };
  const written = await request.put("/api/v1/positions/JOB-1", { headers: organizationKey, data: position });
  expect(written.status()).toBe(202);
  // The organization's key is not a partner key, and the partner key is no organization's key.
  expect((await request.get("/api/v1/organizations", { headers: organizationKey })).status()).toBe(403);
  expect((await request.put("/api/v1/positions/JOB-1", { headers: partner, data: position })).status()).toBe(403);

  const revoked = await request.delete(`/api/v1/organizations/${slug}/api-keys/${key.id}`, { headers: partner });
  expect(revoked.status()).toBe(200);
  const refused = await request.put("/api/v1/positions/JOB-1", { headers: organizationKey, data: position });
  expect(refused.status()).toBe(401);
});

test("an admin creates a partner key in the UI, sees it once, and it provisions", async ({
  adminPage: page,
  request,
}) => {
  const name = `Vendor ${uniqueSuffix()}`;
  await page.goto("/admin/api-keys");
  const form = page.getByRole("form", { name: "Create a partner key" });
  await form.getByLabel("Partner key name").fill(name);
  await form.getByRole("button", { name: "Create partner key" }).click();
  const shown = page.getByTestId("new-partner-key");
  await expect(shown).toContainText("it will not be shown again");
  const key = (await shown.locator("code").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sh_[A-Za-z0-9_-]{43}$/);
  const row = page.locator(`[data-testid="partner-key-row"][data-name="${name}"]`);
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).toContainText("active");

  const list = await request.get("/api/v1/organizations?limit=1", { headers: { authorization: `Bearer ${key}` } });
  expect(list.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("new-partner-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await row.getByRole("button", { name: "Revoke" }).click();
  // the app's own confirmation dialog (#17), not the browser's
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const refused = await request.get("/api/v1/organizations", { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
});
