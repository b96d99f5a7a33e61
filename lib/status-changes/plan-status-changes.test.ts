import { describe, expect, it } from "vitest";
import { flatPositionPipeline, mappedPipeline } from "@/test/support/fixtures";
import { orgScope } from "@/test/support/org-scope";
import type { ApplicationForUpdate } from "../applications/find-application";
import { AppError } from "../errors/app-error";
import type { PositionForUpdate } from "../positions/find-positions-for-update";
import type { StatusChangeRecords } from "./load-status-change-records";
import { planStatusChanges } from "./plan-status-changes";
import type { PlannedChange } from "./planned-change";

const now = new Date("2026-12-01T12:00:00Z");
const scope = orgScope("org-1");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const app = (externalId: string, overrides: Partial<ApplicationForUpdate> = {}): ApplicationForUpdate => ({
  id: `row-${externalId}`,
  version: "1",
  externalId,
  positionId: "row-P1",
  candidateId: "cand-1",
  seekCandidateApplicationProfileId: null,
  createdAt: minutesAgo(60),
  currentStatusKey: null,
  currentVersionId: null,
  currentStatusAt: null,
  seekTokenCapture: { id: "cap-1", token: "token-0123456789", capturedAt: minutesAgo(60) },
  candidate: { id: "cand-1", givenName: "Ada", familyName: "Lovelace", seekCandidateProfileId: null },
  position: {
    externalId: "P1",
    applicationPipelineId: "pl-app",
    applicationPipeline: { key: "mapped", currentVersionId: "v-app" },
    seekProfiles: [{ profileId: "profile-1" }],
  },
  ...overrides,
});

const position: PositionForUpdate = {
  id: "row-P1",
  version: "1",
  externalId: "P1",
  pipelineId: "pl-pos",
  pipeline: { key: "pos", currentVersionId: "v-pos" },
  currentStatusKey: null,
  currentVersionId: null,
  currentStatusAt: null,
  seekProfiles: [{ profileId: "profile-1", firstSeenAt: minutesAgo(60) }],
};

const records = (apps: ApplicationForUpdate[]): StatusChangeRecords => ({
  applications: new Map(apps.map((a) => [a.externalId, a])),
  positions: new Map([["P1", position]]),
  versions: new Map([
    ["v-app", { versionId: "v-app", definition: mappedPipeline }],
    ["v-pos", { versionId: "v-pos", definition: flatPositionPipeline }],
  ]),
  candidates: new Map([
    ["cand-1", { id: "cand-1", givenName: "Hayden", familyName: "Robinson", seekCandidateProfileId: "cp-1" }],
  ]),
});

const planned = (outcome: PlannedChange | AppError) => {
  if (outcome instanceof AppError) throw new Error(`expected a plan, got ${outcome.code}`);
  return outcome;
};

describe("planStatusChanges", () => {
  it("chains changes to one record in array order: each `from` and signal `previous` is the change before it", () => {
    const plans = planStatusChanges(
      scope,
      [
        { applicationId: "A1", statusKey: "new", occurredAt: minutesAgo(3) },
        { applicationId: "A1", statusKey: "chat", occurredAt: minutesAgo(2) },
        { applicationId: "A1", statusKey: "offer", occurredAt: minutesAgo(1) },
      ],
      records([app("A1")]),
      now,
    ).map(planned);
    expect(plans.map((p) => [p.event.fromStatusKey, p.event.toStatusKey])).toEqual([
      [null, "new"],
      ["new", "chat"],
      ["chat", "offer"],
    ]);
    expect(plans[1]!.event.fromOccurredAt).toEqual(minutesAgo(3));
    expect(plans[0]!.signal!.payload).not.toHaveProperty("previous");
    expect(plans[2]!.signal!.payload).toMatchObject({ previous: { status: { label: "Coffee chat" } } });
    expect(plans[2]!.after).toEqual({
      currentStatusKey: "offer",
      currentVersionId: "v-app",
      currentStatusAt: minutesAgo(1),
    });
  });

  it("a refused change leaves nothing for the ones after it: the next change still starts from the last accepted state", () => {
    const plans = planStatusChanges(
      scope,
      [
        { applicationId: "A1", statusKey: "new", occurredAt: minutesAgo(3) },
        { applicationId: "A1", statusKey: "new", occurredAt: minutesAgo(2) },
        { applicationId: "A1", statusKey: "chat", occurredAt: new Date(now.getTime() + 60 * 60_000) },
        { applicationId: "A1", statusKey: "nope" },
        { applicationId: "A404", statusKey: "new" },
        { applicationId: "A1", statusKey: "chat", occurredAt: minutesAgo(1) },
      ],
      records([app("A1")]),
      now,
    );
    expect(plans.map((p) => (p instanceof AppError ? p.code : "ok"))).toEqual([
      "ok",
      "CONFLICT",
      "OCCURRED_IN_FUTURE",
      "UNPROCESSABLE",
      "NOT_FOUND",
      "ok",
    ]);
    expect(planned(plans[5]!).event.fromStatusKey).toBe("new");
  });

  it("plans a history item only for mapped statuses of a candidate on SEEK, and defaults the time to now", () => {
    const plans = planStatusChanges(
      scope,
      [
        { applicationId: "A1", statusKey: "new" },
        { applicationId: "A1", statusKey: "chat" },
      ],
      records([app("A1")]),
      now,
    ).map(planned);
    expect(plans[0]!.event.occurredAt).toEqual(now);
    expect(plans[0]!.transition?.context.status.seekHistoryStatus).toBe("Application");
    expect(plans[0]!.transition?.candidate?.seekCandidateProfileId).toBe("cp-1");
    expect(plans[1]!.transition?.context.status.seekHistoryStatus).toBeUndefined();
  });

  it("refuses an application whose position has no application pipeline, and a position without one", () => {
    const noPipeline = app("A2", {
      position: { externalId: "P2", applicationPipelineId: null, applicationPipeline: null, seekProfiles: [] },
    });
    const recs = records([noPipeline]);
    const plans = planStatusChanges(
      scope,
      [
        { applicationId: "A2", statusKey: "new" },
        { positionId: "P1", statusKey: "open" },
      ],
      { ...recs, positions: new Map([["P1", { ...position, pipelineId: null, pipeline: null }]]) },
      now,
    );
    expect(plans[0]).toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("application pipeline") });
    expect(plans[1]).toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("position pipeline") });
  });

  it("a position's signal leaves out profiles past their 180 days, and is written expired when all are", () => {
    const old = { profileId: "profile-old", firstSeenAt: new Date(now.getTime() - 181 * 24 * 3600_000) };
    const fresh = { profileId: "profile-new", firstSeenAt: minutesAgo(5) };
    const recs = records([]);
    const plan = (seekProfiles: PositionForUpdate["seekProfiles"]) =>
      planned(
        planStatusChanges(
          scope,
          [{ positionId: "P1", statusKey: "open" }],
          { ...recs, positions: new Map([["P1", { ...position, seekProfiles }]]) },
          now,
        )[0]!,
      );
    expect(plan([old, fresh]).signal?.payload).toMatchObject({ positionProfileIds: ["profile-new"] });
    const allOld = plan([old]).signal!;
    expect(allOld.payload).toMatchObject({ positionProfileIds: ["profile-old"] });
    expect(allOld.expiresAt!.getTime()).toBeLessThan(now.getTime());
    expect(plan([]).signal).toBeUndefined();
  });
});
