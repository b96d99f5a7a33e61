// Manual "new user" check (not committed): drives the running app on :3700 as a person would.
import http from "node:http";
import { chromium } from "@playwright/test";

const BASE = "http://127.0.0.1:3700";
const KEY = "sh_manual_bootstrap_key_123456";
const shots = "/work/manual-shots";
const api = async (method, path, body) => {
  const r = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  console.log(`${method} ${path} -> ${r.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
};

const ats = http.createServer((q, s) => { s.writeHead(200, { "content-type": "text/html" }); s.end(`<h1>ATS apply form</h1><p id=q>${q.url.replace(/[<>&]/g, "")}</p>`); });
await new Promise((r) => ats.listen(3799, "127.0.0.1", r));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${BASE}/`);
console.log("anonymous / ->", page.url());
await page.screenshot({ path: `${shots}/signin.png` });
await page.getByLabel("Email").fill("me@example.com");
await page.getByLabel("Password").fill("a-long-password-123");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
console.log("after sign-in ->", page.url());

await page.goto(`${BASE}/pipelines?org=default`);
const form = page.getByRole("form", { name: "New pipeline" });
await form.getByLabel("Kind").selectOption("application");
await form.getByLabel("Name").fill("Manual hiring");
await form.getByLabel("Key (optional)").fill("manual-hiring");
await form.getByRole("button", { name: "Open the editor" }).click();
await page.getByRole("button", { name: "Start from template: Applications: phases and statuses" }).click();
await page.getByRole("button", { name: "Save new version" }).click();
await page.getByText("Saved as version 1").first().waitFor({ timeout: 15000 }).catch(() => console.log("no 'Saved' text seen"));
await page.screenshot({ path: `${shots}/pipeline-editor.png`, fullPage: true });

await api("PUT", "/positions/MAN-1", { title: "Barista", applicationPipeline: "manual-hiring", seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"], applyUrl: "http://127.0.0.1:3799/jobs/1/apply" });
await page.goto(`${BASE}/apply/MAN-1?seek-token=eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjB9+x/y==&utm_source=seek`);
const landed = new URL(page.url());
console.log("capture redirect landed on", landed.href);
const captureId = landed.searchParams.get("sh_capture");
await api("PUT", "/applications/MAN-A1", { positionId: "MAN-1", candidate: { given: "Terry", family: "Astley" }, captureId });

await page.goto(`${BASE}/applications/MAN-A1`);
const move = page.getByRole("form", { name: "Move the application" });
for (const label of ["1. New", "2. Shortlist", "3. Phone screen"]) {
  const options = await move.getByLabel("Move to").locator("option").allTextContents();
  const option = options.find((o) => o.startsWith(label)) ?? options[0];
  await move.getByLabel("Move to").selectOption({ label: option });
  await move.getByRole("button", { name: "Move" }).click();
  await move.getByRole("status").filter({ hasText: "Moved" }).waitFor({ timeout: 15000 });
  console.log("moved to", option);
}
await page.reload();
await page.screenshot({ path: `${shots}/application.png`, fullPage: true });
const list = await api("GET", "/deliveries?channel=seek-signal");
for (const d of list.deliveries) {
  const one = await api("GET", `/deliveries/${d.id}`);
  console.log(JSON.stringify(one.delivery.payload));
}
await page.goto(`${BASE}/deliveries`);
await page.screenshot({ path: `${shots}/deliveries.png`, fullPage: true });
await page.goto(`${BASE}/admin/api-keys`);
await page.screenshot({ path: `${shots}/api-keys.png`, fullPage: true });
await browser.close();
ats.close();
