// Playwright fixtures for signed-in journeys. Each test makes its own organizations and users through
// the UI (unique names per test), so tests never depend on each other's data or order.
import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E } from "./e2e-env";

export type TOrganization = { id: string; name: string; slug: string };
export type THirer = { name: string; email: string; password: string; organization: TOrganization };

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export async function signIn(page: Page, email: string, password: string, path = "/signin"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

async function createOrganizationThroughUi(page: Page, label: string): Promise<TOrganization> {
  const suffix = uniqueSuffix();
  const org = { name: `${label} ${suffix}`, slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}` };
  await page.goto("/admin/organizations");
  const form = page.getByRole("form", { name: "Add an organization" });
  await form.getByLabel("Name").fill(org.name);
  await form.getByLabel("Slug").fill(org.slug);
  await form.getByRole("button", { name: "Add organization" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${org.name}`);
  const link = page.getByRole("link", { name: org.name });
  const href = await link.getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error(`no link for ${org.name}`);
  return { ...org, id };
}

async function createHirerThroughUi(page: Page, organization: TOrganization): Promise<THirer> {
  const suffix = uniqueSuffix();
  const hirer = {
    name: `Hirer ${suffix}`,
    email: `hirer-${suffix}@example.test`,
    password: `hirer password ${suffix}`,
  };
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(hirer.name);
  await form.getByLabel("Email").fill(hirer.email);
  await form.getByLabel("Role").selectOption("hirer");
  await form.getByLabel("Organization").selectOption(organization.id);
  await form.getByLabel("Initial password").fill(hirer.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toContainText(`Created ${hirer.email}`);
  return { ...hirer, organization };
}

export const test = base.extend<{
  /** a page signed in as the e2e admin (from e2e-env.ts) */
  adminPage: Page;
  createOrganization: (label?: string) => Promise<TOrganization>;
  createHirer: (organization: TOrganization) => Promise<THirer>;
}>({
  adminPage: async ({ page }, use) => {
    await signIn(page, E2E.adminEmail, E2E.adminPassword);
    await use(page);
  },
  createOrganization: async ({ adminPage }, use) => {
    await use((label = "Org") => createOrganizationThroughUi(adminPage, label));
  },
  createHirer: async ({ adminPage }, use) => {
    await use((organization) => createHirerThroughUi(adminPage, organization));
  },
});

export { expect };
