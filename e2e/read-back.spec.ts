// Reading back (#14), against `npm start` with the SEEK mock: the ATS writes a pipeline, a position and an
// application with the bootstrap key, reads them back (applyLink, status, token prefix only), sees SEEK's
// refusal of the token as a delivery error with the plain-words hint, and fetches the OpenAPI document.
import { BOARD_E2E } from "./e2e-env";
import { expect, test, uniqueSuffix } from "./fixtures";
import { v1 } from "./support/api";
import { type BoardServer, startBoardServer } from "./support/board-server";

const PROFILE = "seekAnzPublicTest:positionProfile:jobAd:27cuZeA47";
const TOKEN_HINT =
  "SEEK refused the candidate's token: the ATS must send the token exactly as captured, or a fresh one.";

test.use({ baseURL: BOARD_E2E.baseURL });

let board: BoardServer | undefined;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  board = await startBoardServer();
});
test.afterAll(async () => {
  await board?.stop();
});

const seekToken = (label: string) =>
  Buffer.from(JSON.stringify({ jobId: 27, candidateId: label, sessionId: `s-${label}` })).toString("base64url");

test("the ATS reads back what it wrote, and why SEEK refused a token", async ({ request }) => {
  test.setTimeout(180_000);
  const api = v1(request);
  const suffix = uniqueSuffix();
  const bad = seekToken(`bad-${suffix}`);
  board!.mock.setBadTokens([bad]);
  const accepted = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return response.json();
  };
  const read = async (path: string) => {
    const response = await api.get(path);
    expect(response.status(), await response.text()).toBe(200);
    return response.json();
  };

  await accepted(
    await api.put(`/pipelines/rb-${suffix}`, {
      name: "Read back",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "interview", label: "Interview", success: null },
      ],
    }),
  );
  await accepted(
    await api.put(`/positions/RB-${suffix}`, {
      title: "Line cook",
      applicationPipeline: `rb-${suffix}`,
      seekPositionProfileIds: [PROFILE],
      applyUrl: "https://ats.example.test/jobs/RB/apply",
    }),
  );
  await accepted(
    await api.put(`/applications/RB-A-${suffix}`, {
      positionId: `RB-${suffix}`,
      candidate: { given: "Robin", family: "Reader" },
      seekToken: bad,
    }),
  );
  await accepted(await api.post(`/applications/RB-A-${suffix}/status`, { status: "interview" }));

  const pipelines = await read("/pipelines?limit=200");
  expect(pipelines.pipelines).toContainEqual(expect.objectContaining({ key: `rb-${suffix}`, version: 1 }));

  const position = await read(`/positions/RB-${suffix}`);
  expect(position).toMatchObject({
    positionId: `RB-${suffix}`,
    applicationPipeline: `rb-${suffix}`,
    seekPositionProfileIds: [PROFILE],
    applyLink: `${BOARD_E2E.baseURL}/apply/default/RB-${suffix}`,
  });
  const positions = await read("/positions?limit=200");
  expect(positions.positions.map((p: { positionId: string }) => p.positionId)).toContain(`RB-${suffix}`);

  // SEEK refuses the token at once; the application shows the failed delivery with the hint.
  await expect
    .poll(async () => (await read(`/applications/RB-A-${suffix}`)).deliveries[0]?.state, { timeout: 60_000 })
    .toBe("failed");
  const application = await read(`/applications/RB-A-${suffix}`);
  expect(application).toMatchObject({
    status: { key: "interview", label: "Interview", pipelineVersion: 1 },
    seekToken: { held: true, prefix: `${bad.slice(0, 6)}…` },
    deliveries: [{ channel: "seek-signal", state: "failed", error: { code: "BAD_USER_INPUT", hint: TOKEN_HINT } }],
  });
  expect(JSON.stringify(application)).not.toContain(bad);
  const listed = await read(`/applications?positionId=RB-${suffix}`);
  expect(listed.applications.map((a: { applicationId: string }) => a.applicationId)).toEqual([`RB-A-${suffix}`]);

  // Another position id is unknown: 404 in the contract's error shape.
  const missing = await api.get(`/positions/NOPE-${suffix}`);
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");

  // The OpenAPI document is served without a key and lists the read routes.
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  const document = await openapi.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.paths["/api/v1/applications/{applicationId}"].get).toBeTruthy();
  expect(document.paths["/api/v1/positions"].get).toBeTruthy();
});
