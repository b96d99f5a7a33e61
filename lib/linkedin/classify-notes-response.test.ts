import { describe, expect, it } from "vitest";
import { classifyNotesResponse, type NotesResponse } from "./classify-notes-response";

const now = new Date("2026-11-23T10:05:30.000Z");
const base: NotesResponse = {
  operation: "upsert",
  status: 200,
  body: "",
  retryAfter: null,
  noteIds: ["N1", "N2"],
  now,
};
const classify = (overrides: Partial<NotesResponse>) => classifyNotesResponse({ ...base, ...overrides });
const json = (value: unknown) => JSON.stringify(value);

describe("classifyNotesResponse", () => {
  it("reads every entity's status: 204 delivered, a per-entity 4xx failed, a per-entity 5xx retried", () => {
    const verdict = classify({
      noteIds: ["N1", "N2", "N3"],
      body: json({
        results: { N1: { status: 204 } },
        errors: { N2: { status: 400, message: "/author/lastName is required" }, N3: { status: 503 } },
      }),
    });
    expect(verdict.kind).toBe("answered");
    if (verdict.kind !== "answered") return;
    expect(verdict.entities.get("N1")).toEqual({ kind: "delivered" });
    expect(verdict.entities.get("N2")).toEqual({
      kind: "failed",
      code: "LINKEDIN_ENTITY_400",
      message: "LinkedIn answered 400 for note N2: /author/lastName is required",
    });
    expect(verdict.entities.get("N3")).toMatchObject({ kind: "retry", code: "LINKEDIN_ENTITY_503" });
  });

  it("does not take a 200 for success: an entity the answer does not mention is retried", () => {
    const verdict = classify({ body: json({ results: { N1: { status: 204 } }, errors: {} }) });
    expect(verdict.kind === "answered" && verdict.entities.get("N2")).toMatchObject({
      kind: "retry",
      code: "LINKEDIN_ENTITY_MISSING",
    });
  });

  it("retries a 200 whose body has no results at all", () => {
    expect(classify({ body: "<html>ok</html>" })).toMatchObject({ kind: "retry", code: "LINKEDIN_BAD_RESPONSE" });
  });

  it("retries an entity answered 429 from the next minute", () => {
    const verdict = classify({ body: json({ results: {}, errors: { N1: { status: 429 }, N2: { status: 429 } } }) });
    expect(verdict.kind === "answered" && verdict.entities.get("N1")).toMatchObject({
      kind: "retry",
      notBefore: new Date("2026-11-23T10:06:00.000Z"),
    });
  });

  it("counts deleting a note LinkedIn does not hold as delivered", () => {
    const verdict = classify({ operation: "delete", body: json({ results: {}, errors: { N1: { status: 404 } } }) });
    expect(verdict.kind === "answered" && verdict.entities.get("N1")).toEqual({
      kind: "delivered",
      result: { alreadyAbsent: true },
    });
  });

  it("waits for the next minute after a 429 without Retry-After, or for midnight UTC when the day's limit is named", () => {
    const minute = classify({ status: 429, body: json({ message: "Too many", serviceErrorCode: 101, status: 429 }) });
    expect(minute).toMatchObject({ kind: "rate-limited", notBefore: new Date("2026-11-23T10:06:00.000Z") });
    const day = classify({
      status: 429,
      body: json({ message: "Resource level throttle APPLICATION DAY limit for calls to this resource is reached." }),
    });
    expect(day).toMatchObject({ kind: "rate-limited", notBefore: new Date("2026-11-24T00:00:00.000Z") });
    const header = classify({ status: 429, body: "", retryAfter: "120" });
    expect(header).toMatchObject({ notBefore: new Date("2026-11-23T10:07:30.000Z") });
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [500, "retry"],
    [503, "retry"],
    [400, "rejected"],
    [422, "rejected"],
    [404, "failed"],
  ])("classifies a whole-request HTTP %i as %s", (status, kind) => {
    expect(classify({ status, body: json({ message: "m", serviceErrorCode: 1, status }) }).kind).toBe(kind);
  });

  it("keeps LinkedIn's message and drops HTML markup from error pages", () => {
    expect(classify({ status: 503, body: "<html><body><h1>503 Service Unavailable</h1></body></html>" })).toMatchObject(
      {
        message: "LinkedIn answered HTTP 503: 503 Service Unavailable",
      },
    );
  });
});
