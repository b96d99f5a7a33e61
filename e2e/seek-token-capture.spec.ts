// A candidate follows a SEEK-style link: the token is captured and the next status change carries it.
import { expect, test } from "@playwright/test";
import { v1 } from "./support/api";
import { type FakeAts, startFakeAts } from "./support/fake-ats";

let ats: FakeAts;
test.beforeAll(async () => {
  ats = await startFakeAts();
});
test.afterAll(async () => ats.close());

test("a browser follows a SEEK link, lands on the ATS form with sh_capture, and the next signal carries that token", async ({
  page,
  request,
}) => {
  const api = v1(request);
  const pipeline = await api.put("/pipelines/capture-flow", {
    name: "Capture flow",
    kind: "application",
    statuses: [
      { key: "new", label: "New", success: null },
      { key: "hired", label: "Hired", success: true },
    ],
  });
  expect(pipeline.status()).toBe(202);
  const position = await api.put("/positions/CAP-1", {
    title: "Barista",
    applicationPipeline: "capture-flow",
    seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
    applyUrl: `${ats.url}/jobs/CAP-1/apply`,
  });
  expect(position.status()).toBe(202);

  // SEEK appends seek-token to the posted applicationUri; the token has characters a form decoder would mangle.
  const token = "eyJqb2JJZCI6MCwiY2FuZGlkYXRlSWQiOjB9+abc/def==";
  await page.goto(`/apply/CAP-1?seek-token=${token}&utm_source=seek`);
  await expect(page.getByRole("heading", { name: "Apply for this job" })).toBeVisible();
  const landed = new URL(page.url());
  expect(landed.origin).toBe(ats.url);
  expect(landed.searchParams.get("utm_source")).toBe("seek");
  const captureId = await page.locator("#capture").textContent();
  expect(captureId).toMatch(/^cap_/);

  const application = await api.put("/applications/CAP-A1", {
    positionId: "CAP-1",
    candidate: { given: "Terry", family: "Astley" },
    captureId,
  });
  expect(application.status()).toBe(202);
  const moved = await api.post("/applications/CAP-A1/status", { status: "new" });
  expect(moved.status()).toBe(202);
  const { deliveries } = await moved.json();
  expect(deliveries).toHaveLength(1);

  const delivery = await (await api.get(`/deliveries/${deliveries[0].id}`)).json();
  expect(delivery.delivery.payload).toMatchObject({
    typeCode: "ApplicationStatusUpdate",
    token,
    positionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
    current: { status: { label: "New", index: 1, total: 2 }, success: null },
  });
});
