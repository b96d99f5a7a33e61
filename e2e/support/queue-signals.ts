// One application with a seek-token, moved between two statuses `count` times through the v1 API:
// `count` seek-signal deliveries, which the main e2e server (no board) keeps pending until a test puts
// them in another state.
import { type APIRequestContext, expect } from "@playwright/test";
import { v1 } from "./api";

export async function queueSignals(
  request: APIRequestContext,
  suffix: string,
  count: number,
): Promise<{ application: string; position: string; ids: string[] }> {
  const api = v1(request);
  const ok = async (response: Awaited<ReturnType<typeof api.put>>) => {
    expect(response.status(), await response.text()).toBe(202);
    return (await response.json()) as { deliveries: { id: string; channel: string }[] };
  };
  await ok(
    await api.put(`/pipelines/triage-${suffix}`, {
      name: "Triage journey",
      kind: "application",
      statuses: [
        { key: "new", label: "New", success: null },
        { key: "shortlist", label: "Shortlist", success: null },
      ],
    }),
  );
  const position = `TRI-${suffix}`;
  await ok(
    await api.put(`/positions/${position}`, {
      title: "Cook",
      applicationPipeline: `triage-${suffix}`,
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.test/jobs/TRI/apply",
    }),
  );
  const application = `TRI-A-${suffix}`;
  const token = Buffer.from(JSON.stringify({ jobId: 28, candidateId: suffix })).toString("base64url");
  await ok(
    await api.put(`/applications/${application}`, {
      positionId: position,
      candidate: { given: "Pat", family: "Triage" },
      seekToken: token,
    }),
  );
  const ids: string[] = [];
  // Sequential: each move's "from" is the previous one's "to".
  for (let i = 0; i < count; i++) {
    const result = await ok(
      await api.post(`/applications/${application}/status`, { status: i % 2 ? "new" : "shortlist" }),
    );
    ids.push(...result.deliveries.filter((d) => d.channel === "seek-signal").map((d) => d.id));
  }
  expect(ids).toHaveLength(count);
  return { application, position, ids };
}
