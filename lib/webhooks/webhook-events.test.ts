import { describe, expect, it } from "vitest";
import { buildDeliveryEvent, eventForState, subscribersFor } from "./webhook-events";

describe("webhook events", () => {
  const now = new Date();
  const subs = [
    { id: "a", organizationId: "orgA", events: ["delivery.failed", "channel.degraded"] },
    { id: "b", organizationId: "orgB", events: ["delivery.failed"] },
    { id: "p", organizationId: null, events: ["delivery.failed", "channel.degraded"] },
    { id: "q", organizationId: null, events: ["delivery.dead"] },
  ];

  it("an organization's subscription hears only its own organization; a partner's hears every one", () => {
    expect(subscribersFor("delivery.failed", "orgA", subs).map((s) => s.id)).toEqual(["a", "p"]);
    expect(subscribersFor("delivery.failed", "orgB", subs).map((s) => s.id)).toEqual(["b", "p"]);
    expect(subscribersFor("delivery.failed", "orgC", subs).map((s) => s.id)).toEqual(["p"]);
  });

  it("channel events go to partner subscriptions only, even when an organization asked for them", () => {
    expect(subscribersFor("channel.degraded", null, subs).map((s) => s.id)).toEqual(["p"]);
    expect(subscribersFor("channel.degraded", "orgA", subs).map((s) => s.id)).toEqual(["p"]);
  });

  it("only the events a subscription chose", () => {
    expect(subscribersFor("delivery.dead", "orgA", subs).map((s) => s.id)).toEqual(["q"]);
  });

  it("terminal states map to their event; others to none", () => {
    expect(eventForState("failed")).toBe("delivery.failed");
    expect(eventForState("dead")).toBe("delivery.dead");
    expect(eventForState("expired")).toBe("delivery.expired");
    expect(eventForState("delivered")).toBeNull();
    expect(eventForState("pending")).toBeNull();
  });

  it("the body carries the contract's fields, and a hint for the error", () => {
    const body = buildDeliveryEvent(
      "delivery.failed",
      {
        id: "d1",
        channel: "seek-signal",
        kind: "ApplicationStatusUpdate",
        organizationSlug: "acme",
        applicationId: "APP-1",
        positionId: "JOB-1",
        candidateId: "C-1",
        lastErrorCode: "BAD_USER_INPUT",
        lastError: "/input/token: Is not valid",
      },
      now,
    );
    expect(body).toEqual({
      type: "delivery.failed",
      timestamp: now.toISOString(),
      data: {
        deliveryId: "d1",
        channel: "seek-signal",
        kind: "ApplicationStatusUpdate",
        organization: "acme",
        applicationId: "APP-1",
        positionId: "JOB-1",
        candidateId: "C-1",
        error: {
          code: "BAD_USER_INPUT",
          message: "/input/token: Is not valid",
          hint: expect.stringContaining("token"),
        },
      },
    });
  });
});
