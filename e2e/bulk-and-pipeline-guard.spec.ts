// Bulk status changes and pipeline edits that would strand applications, end to end against `npm start`
// (spec: Extensions). The ATS sends one bulk request with a bad change among good ones; then an admin
// deletes a status two applications are in, is asked where they go, picks a target and saves; the
// application pages show the new status.
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";

test("bulk status changes record each change on its own; deleting an in-use status in the editor asks where its applications go", async ({
  adminPage: page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const key = `e2e-guard-${suffix}`;
  const positionId = `E2E-GUARD-POS-${suffix}`;
  const apps = [`E2E-GUARD-A-${suffix}`, `E2E-GUARD-B-${suffix}`];
  const api = v1(request);

  const pipeline = await api.put(`/pipelines/${key}`, {
    name: `Guarded ${suffix}`,
    kind: "application",
    statuses: [
      { key: "new", label: "New", success: null },
      { key: "first", label: "First interview", success: null },
      { key: "offer", label: "Offer", success: null },
      { key: "placed", label: "Placed", success: true },
    ],
  });
  expect(pipeline.status(), await pipeline.text()).toBe(202);
  const position = await api.put(`/positions/${positionId}`, {
    title: "Barista",
    applicationPipeline: key,
    seekPositionProfileIds: [],
    applyUrl: "https://ats.example.com/jobs/1/apply",
  });
  expect(position.status(), await position.text()).toBe(202);
  for (const id of apps) {
    const put = await api.put(`/applications/${id}`, { positionId, candidate: { given: "Terry", family: id } });
    expect(put.status(), await put.text()).toBe(202);
  }

  // 1. One bulk request: both applications to "new" then "first", one bad change in the middle.
  const bulk = await api.post("/status-changes", {
    changes: [
      { applicationId: apps[0], status: "new" },
      { applicationId: apps[1], status: "new" },
      { applicationId: `NO-SUCH-${suffix}`, status: "new" },
      { applicationId: apps[0], status: "first" },
      { applicationId: apps[1], status: "first" },
    ],
  });
  expect(bulk.status(), await bulk.text()).toBe(202);
  const { results } = (await bulk.json()) as { results: { index: number; id?: string; error?: { code: string } }[] };
  expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  expect(results[2]?.error?.code).toBe("NOT_FOUND");
  expect(results.filter((r) => r.id)).toHaveLength(4);
  const tooMany = await api.post("/status-changes", {
    changes: Array.from({ length: 1001 }, () => ({ applicationId: apps[0], status: "offer" })),
  });
  expect(tooMany.status()).toBe(400);

  // 2. The API refuses to strand them.
  const refused = await api.put(`/pipelines/${key}`, {
    name: `Guarded ${suffix}`,
    kind: "application",
    statuses: [
      { key: "new", label: "New", success: null },
      { key: "offer", label: "Offer", success: null },
      { key: "placed", label: "Placed", success: true },
    ],
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toMatchObject({
    code: "STATUS_IN_USE",
    issues: [{ status: "first", count: 2 }],
  });

  // 3. In the editor: delete "First interview", save, be asked, choose "Offer", save.
  await page.goto(`/pipelines/${key}?org=default`);
  await page.getByRole("button", { name: "Delete “First interview”" }).click();
  await page.getByRole("button", { name: "Save new version" }).click();
  const question = page.getByLabel("2 applications are in First interview: move them to");
  await expect(question).toBeVisible();
  await expect(page.getByText("Not saved: choose where records in the dropped statuses go.")).toBeVisible();
  const moveAndSave = page.getByRole("button", { name: "Move and save new version" });
  await expect(moveAndSave).toBeDisabled();
  await question.selectOption({ label: "Offer" });
  await moveAndSave.click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();

  // 4. Each application now shows "Offer", moved by a normal status change.
  for (const id of apps) {
    await page.goto(`/applications/${id}`);
    await expect(page.getByTestId("current-status")).toContainText("Offer");
    await expect(page.getByTestId("status-change")).toHaveCount(3);
  }
});
