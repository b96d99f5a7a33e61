import { describe, expect, it } from "vitest";
import { identifierExpiresAt, isExpired } from "../delivery/enqueue/identifier-expiry";
import { ZPipelineDefinition } from "../pipelines/pipeline-definition";
import { applicationCompleteSignal, applicationStatusSignal, positionStatusSignal } from "./build-signal";

const pipeline = ZPipelineDefinition.parse({
  name: "Standard hiring",
  kind: "application",
  phases: [
    { key: "screen", label: "Screening" },
    { key: "offer", label: "Offer" },
    { key: "hired", label: "Hired" },
  ],
  statuses: [
    { key: "new", label: "New", phase: "screen", success: null },
    { key: "offer", label: "Offer made", phase: "offer", success: null },
    { key: "declined", label: "Offer declined", phase: "offer", success: false },
    { key: "placed", label: "Hired", phase: "hired", success: true },
  ],
});
const flat = ZPipelineDefinition.parse({
  name: "Positions",
  kind: "position",
  statuses: [
    { key: "open", label: "Open", success: null },
    { key: "withdrawn", label: "Withdrawn", success: false },
  ],
});

describe("applicationStatusSignal", () => {
  it("carries the link-out token and position profile ids, current and previous with their own event timestamps", () => {
    const signal = applicationStatusSignal(
      {
        kind: "link-out",
        token: "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz",
        positionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      },
      { pipeline, statusKey: "placed", occurredAt: new Date("2020-01-02T00:00:00.000Z") },
      { pipeline, statusKey: "offer", occurredAt: new Date("2020-01-01T00:00:00.000Z") },
    );
    expect(signal).toEqual({
      typeCode: "ApplicationStatusUpdate",
      token: "globalPublicTest-WfRFAhG25YC8ADe3QvxAVz",
      positionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      current: {
        phase: { label: "Hired", index: 3, total: 3 },
        status: { label: "Hired", index: 4, total: 4 },
        success: true,
        timestamp: "2020-01-02T00:00:00.000Z",
      },
      previous: {
        phase: { label: "Offer", index: 2, total: 3 },
        status: { label: "Offer made", index: 2, total: 4 },
        success: null,
        timestamp: "2020-01-01T00:00:00.000Z",
      },
    });
  });

  it("identifies an Optimised Apply application by candidateApplicationProfileId alone, and omits previous when there is none", () => {
    const signal = applicationStatusSignal(
      { kind: "optimised-apply", candidateApplicationProfileId: "seekAnzPublicTest:candidateApplicationProfile:x" },
      { pipeline, statusKey: "declined", occurredAt: new Date("2021-05-05T05:05:05.000Z") },
    );
    expect(signal).toEqual({
      typeCode: "ApplicationStatusUpdate",
      candidateApplicationProfileId: "seekAnzPublicTest:candidateApplicationProfile:x",
      current: {
        phase: { label: "Offer", index: 2, total: 3 },
        status: { label: "Offer declined", index: 3, total: 4 },
        success: false,
        timestamp: "2021-05-05T05:05:05.000Z",
      },
    });
    expect(signal).not.toHaveProperty("token");
    expect(signal).not.toHaveProperty("previous");
  });

  it("previous is computed from the pipeline version it was recorded with, not the current one", () => {
    const older = ZPipelineDefinition.parse({ ...pipeline, statuses: pipeline.statuses.slice(0, 2) });
    const signal = applicationStatusSignal(
      { kind: "link-out", token: "t", positionProfileIds: [] },
      { pipeline, statusKey: "placed", occurredAt: new Date(0) },
      { pipeline: older, statusKey: "offer", occurredAt: new Date(0) },
    );
    expect(signal.previous?.status).toEqual({ label: "Offer made", index: 2, total: 2 });
    expect(signal).not.toHaveProperty("positionProfileIds");
  });
});

describe("positionStatusSignal", () => {
  it("omits phase for flat pipelines and sends positionProfileIds as a list", () => {
    expect(
      positionStatusSignal(["p1", "p2"], {
        pipeline: flat,
        statusKey: "withdrawn",
        occurredAt: new Date("2020-01-02T00:00:00Z"),
      }),
    ).toEqual({
      typeCode: "PositionStatusUpdate",
      positionProfileIds: ["p1", "p2"],
      current: {
        status: { label: "Withdrawn", index: 2, total: 2 },
        success: false,
        timestamp: "2020-01-02T00:00:00.000Z",
      },
    });
  });
});

describe("applicationCompleteSignal", () => {
  it("carries typeCode, token and timestamp only", () => {
    expect(applicationCompleteSignal("tok", new Date("2020-01-01T09:00:00Z"))).toEqual({
      typeCode: "ApplicationComplete",
      token: "tok",
      timestamp: "2020-01-01T09:00:00.000Z",
    });
  });
});

describe("identifier expiry", () => {
  it("a token is valid for 180 days after it was generated and expired from then on", () => {
    const issued = new Date("2026-01-01T00:00:00Z");
    expect(identifierExpiresAt(issued).toISOString()).toBe("2026-06-30T00:00:00.000Z");
    expect(isExpired(identifierExpiresAt(issued), new Date("2026-06-29T23:59:59Z"))).toBe(false);
    expect(isExpired(identifierExpiresAt(issued), new Date("2026-06-30T00:00:00Z"))).toBe(true);
  });
});
