// The LinkedIn mock must refuse what LinkedIn refuses, or tests against it prove nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { callNotes, fetchToken } from "./raw-client.test-support";
import { type LinkedinMock, startLinkedinMock } from "./server";

let clock = Date.parse("2026-11-23T10:00:00.000Z");
const OTHER = {
  clientId: "other-client",
  clientSecret: "other-secret-0123456789",
  integrationContext: "urn:li:organization:99",
};
const mock: LinkedinMock = await startLinkedinMock({ seed: 3, now: () => clock });
mock.addCustomer(OTHER);
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  clock = Date.parse("2026-11-23T10:00:00.000Z");
});

const SAMPLE = {
  APPL_NOTE123: {
    atsCreatedAt: 1484864187000,
    note: "Lorem Ipsum.",
    author: { firstName: "Angela", lastName: "Smith" },
  },
  APPL_NOTE456: {
    atsCreatedAt: 1484864187000,
    note: "Lorem Ipsum moreum.",
    author: { firstName: "Bobby", lastName: "Hill" },
  },
};

describe("token endpoint", () => {
  it("issues a token per customer for form-encoded client credentials, with the configured expires_in, and counts requests", async () => {
    mock.setFaults({ tokenExpiresIn: 120 });
    const answer = await fetchToken(mock);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ access_token: expect.any(String), expires_in: 120 });
    await fetchToken(mock, { client_id: OTHER.clientId, client_secret: OTHER.clientSecret });
    expect(mock.tokenRequests()).toBe(2);
    expect(mock.tokenRequests(OTHER.clientId)).toBe(1);
  });

  it("answers expires_in 1800 unless configured otherwise", async () => {
    expect((await fetchToken(mock)).body.expires_in).toBe(1800);
  });

  it.each([
    ["a wrong client secret", { client_secret: "nope" }, false, 401],
    ["an unknown client", { client_id: "nobody" }, false, 401],
    ["a grant other than client_credentials", { grant_type: "authorization_code" }, false, 400],
    ["a JSON body instead of a form", {}, true, 400],
  ])("refuses %s", async (_label, overrides, json, status) => {
    const answer = await fetchToken(mock, overrides, json);
    expect(answer.status).toBe(status);
    expect(answer.body.access_token).toBeUndefined();
  });
});

describe("authentication", () => {
  it("answers 401 with LinkedIn's error body when the Authorization header is missing", async () => {
    const answer = await callNotes(mock, "PUT", { token: null, ids: ["N1"] });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: "Invalid access token", serviceErrorCode: 65600, status: 401 });
  });

  it("stops accepting tokens once they expire, by time or on demand", async () => {
    mock.setFaults({ tokenExpiresIn: 60 });
    const token = String((await fetchToken(mock)).body.access_token);
    expect((await callNotes(mock, "PUT", { token, ids: ["N1"] })).status).toBe(200);
    clock += 60_000;
    const late = await callNotes(mock, "PUT", { token, ids: ["N1"] });
    expect(late.status).toBe(401);
    expect(late.body.message).toMatch(/expired/);
    const fresh = mock.issueToken();
    mock.expireTokens();
    expect((await callNotes(mock, "PUT", { token: fresh, ids: ["N1"] })).status).toBe(401);
  });

  it("refuses one customer's token for another customer's integration context with 403", async () => {
    const token = mock.issueToken(OTHER.clientId);
    const answer = await callNotes(mock, "PUT", { token, ids: ["N1"] });
    expect(answer.status).toBe(403);
    expect(answer.body.status).toBe(403);
  });
});

describe("notes batch_update", () => {
  it("answers the seed's sample request 200 with a 204 per entity, and holds the notes", async () => {
    const answer = await callNotes(mock, "PUT", { ids: Object.keys(SAMPLE), entities: SAMPLE });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      results: { APPL_NOTE123: { status: 204 }, APPL_NOTE456: { status: 204 } },
      errors: {},
    });
    expect(mock.notes("A1")).toEqual([
      { noteId: "APPL_NOTE123", ...SAMPLE.APPL_NOTE123 },
      { noteId: "APPL_NOTE456", ...SAMPLE.APPL_NOTE456 },
    ]);
  });

  it("records each request: time, path, ids in order, headers and body", async () => {
    await callNotes(mock, "PUT", { ids: ["10", "2"], body: '{"entities":{"10":{"note":"a"},"2":{"note":"b"}}}' });
    const [request] = mock.received();
    expect(request).toMatchObject({
      at: "2026-11-23T10:00:00.000Z",
      method: "PUT",
      atsJobApplicationId: "A1",
      integrationContext: mock.customer.integrationContext,
      ids: ["10", "2"],
      clientId: mock.customer.clientId,
      httpStatus: 200,
      succeeded: ["10", "2"],
      countedRecords: 2,
    });
    expect(request?.url).toContain("/notes?ids=10&ids=2");
    expect(request?.headers["x-restli-method"]).toBe("batch_update");
    expect(request?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a PUT without x-restli-method: batch_update", async () => {
    expect((await callNotes(mock, "PUT", { ids: ["N1"], restliMethod: null })).status).toBe(400);
    expect((await callNotes(mock, "PUT", { ids: ["N1"], restliMethod: "batch_delete" })).status).toBe(400);
  });

  it("refuses a body whose entity keys are not the URL's ids in the same order", async () => {
    const reversed = await callNotes(mock, "PUT", { ids: ["10", "2"], body: '{"entities":{"2":{},"10":{}}}' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toMatch(/in order/);
    const missing = await callNotes(mock, "PUT", { ids: ["N1", "N2"], entities: { N1: {} } });
    expect(missing.status).toBe(400);
    expect(mock.notes("A1")).toEqual([]);
  });

  it("answers a per-entity 400 for an invalid entity and still applies the valid ones", async () => {
    const answer = await callNotes(mock, "PUT", {
      ids: ["N1", "N2", "N3", "N4"],
      entities: {
        N1: { note: "fine" },
        N2: { note: "x", author: { firstName: "Only" } },
        N3: { note: "x", atsCreatedAt: "2026-01-01" },
        N4: { note: "x", color: "red" },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual({ N1: { status: 204 } });
    expect(Object.keys(answer.body.errors)).toEqual(["N2", "N3", "N4"]);
    expect(answer.body.errors.N2).toEqual({ status: 400, message: "/author/lastName is required" });
  });
});

describe("notes batch_delete", () => {
  it("deletes the listed notes, answering 404 per entity for a note it does not hold", async () => {
    await callNotes(mock, "PUT", { ids: ["N1", "N2"] });
    const answer = await callNotes(mock, "DELETE", { ids: ["N1", "N9"] });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual({ N1: { status: 204 } });
    expect(answer.body.errors.N9.status).toBe(404);
    expect(mock.notes("A1").map((n) => n.noteId)).toEqual(["N2"]);
  });

  it("accepts a DELETE with x-restli-method: batch_delete or none, and refuses one naming another method", async () => {
    await callNotes(mock, "PUT", { ids: ["N1", "N2"] });
    expect((await callNotes(mock, "DELETE", { ids: ["N1"], restliMethod: "batch_update" })).status).toBe(400);
    expect((await callNotes(mock, "DELETE", { ids: ["N1"], restliMethod: "batch_delete" })).status).toBe(200);
    expect((await callNotes(mock, "DELETE", { ids: ["N2"], restliMethod: null })).status).toBe(200);
    expect(mock.notes("A1")).toEqual([]);
  });
});

describe("fault injection", () => {
  it("spoils an entity once or always, leaving the others of the batch successful", async () => {
    mock.addEntityErrors({ noteIds: ["N2"], status: 500, message: "Internal" });
    mock.addEntityErrors({ noteIds: ["N3"], status: 422, times: "always" });
    const first = await callNotes(mock, "PUT", { ids: ["N1", "N2", "N3"] });
    expect(first.body.results).toEqual({ N1: { status: 204 } });
    expect(first.body.errors).toEqual({
      N2: { status: 500, message: "Internal" },
      N3: { status: 422, message: "Injected error 422" },
    });
    const second = await callNotes(mock, "PUT", { ids: ["N2", "N3"] });
    expect(Object.keys(second.body.results)).toEqual(["N2"]);
    expect(Object.keys(second.body.errors)).toEqual(["N3"]);
  });

  it("serves queued whole-request faults in order: 429 without Retry-After, 5xx, 401, 400", async () => {
    mock.setFaults({ queue: ["rateLimited", "http5xx", "unauthorized", "badRequest"], http5xxStatus: 502 });
    const limited = await callNotes(mock, "PUT", { ids: ["N1"] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeNull();
    expect(limited.body).toMatchObject({ status: 429, serviceErrorCode: 101 });
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(502);
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(401);
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(400);
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(200);
  });

  it("never answers a hanging request, so the client's timeout must end it", async () => {
    mock.setFaults({ queue: ["hang"] });
    await expect(callNotes(mock, "PUT", { ids: ["N1"], signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(mock.received()[0]?.httpStatus).toBeNull();
  });
});

describe("LinkedIn's throttles as a check", () => {
  it("answers 429 beyond the records-per-minute limit of a client id, in a minute that slides by whole seconds", async () => {
    mock.setFaults({ recordsPerMinute: 5 });
    expect((await callNotes(mock, "PUT", { ids: ["N1", "N2", "N3"] })).status).toBe(200);
    const over = await callNotes(mock, "PUT", { ids: ["N4", "N5", "N6"] });
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/MINUTE/);
    expect(mock.received()[1]?.throttled).toBe("minute");
    // another application of LinkedIn has its own budget
    const other = await callNotes(mock, "PUT", {
      token: mock.issueToken(OTHER.clientId),
      integrationContext: OTHER.integrationContext,
      ids: ["N1", "N2", "N3"],
    });
    expect(other.status).toBe(200);
    // 10:01:00.999 still counts the second 10:00:00 (the current second and the 60 before it) ...
    clock += 60_999;
    expect((await callNotes(mock, "PUT", { ids: ["N4", "N5", "N6"] })).status).toBe(429);
    // ... 10:01:01 no longer does
    clock += 1;
    expect((await callNotes(mock, "PUT", { ids: ["N4", "N5", "N6"] })).status).toBe(200);
    expect(mock.recordsPerMinute(mock.customer.clientId)).toEqual([
      { minute: "2026-11-23T10:00:00.000Z", records: 3 },
      { minute: "2026-11-23T10:01:00.000Z", records: 3 },
    ]);
  });

  it("a burst across a clock minute's boundary is refused: the minute slides, it does not reset at :00", async () => {
    mock.setFaults({ recordsPerMinute: 5 });
    clock = Date.parse("2026-11-23T10:00:59.900Z");
    expect((await callNotes(mock, "PUT", { ids: ["N1", "N2", "N3"] })).status).toBe(200);
    clock = Date.parse("2026-11-23T10:01:00.100Z");
    expect((await callNotes(mock, "PUT", { ids: ["N4", "N5", "N6"] })).status).toBe(429);
    expect((await callNotes(mock, "PUT", { ids: ["N4", "N5"] })).status).toBe(200);
    clock = Date.parse("2026-11-23T10:01:59.999Z");
    expect((await callNotes(mock, "PUT", { ids: ["N6"] })).status).toBe(429);
    clock = Date.parse("2026-11-23T10:02:00.000Z");
    expect((await callNotes(mock, "PUT", { ids: ["N6", "N7", "N8"] })).status).toBe(200);
  });

  it("answers 429 beyond the requests-per-UTC-day limit until midnight UTC", async () => {
    mock.setFaults({ requestsPerDay: 2 });
    clock = Date.parse("2026-11-23T23:59:00.000Z");
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(200);
    expect((await callNotes(mock, "PUT", { ids: ["N2"] })).status).toBe(200);
    const over = await callNotes(mock, "PUT", { ids: ["N3"] });
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/DAY/);
    clock = Date.parse("2026-11-24T00:00:00.000Z");
    expect((await callNotes(mock, "PUT", { ids: ["N3"] })).status).toBe(200);
  });
});

describe("HTTP control surface", () => {
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${mock.url}/__control/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  it("steers faults, entity errors and customers, and reports requests and notes", async () => {
    expect((await control("POST", "faults", { queue: ["http5xx"] })).status).toBe(200);
    expect((await control("POST", "entity-errors", { noteIds: ["N2"], status: 400 })).status).toBe(200);
    expect(
      (
        await control("POST", "customers", {
          clientId: "c3",
          clientSecret: "s3",
          integrationContext: "urn:li:organization:3",
        })
      ).status,
    ).toBe(200);
    expect((await callNotes(mock, "PUT", { ids: ["N1"] })).status).toBe(503);
    const answer = await callNotes(mock, "PUT", { ids: ["N1", "N2"] });
    expect(answer.body.errors.N2.status).toBe(400);
    expect((await fetchToken(mock, { client_id: "c3", client_secret: "s3" })).status).toBe(200);

    const received = await (await control("GET", "received")).json();
    expect(received.requests.map((r: { httpStatus: number }) => r.httpStatus)).toEqual([503, 200]);
    expect(received.tokenRequests).toBe(1);
    expect(received.recordsPerMinute).toEqual([{ minute: "2026-11-23T10:00:00.000Z", records: 2 }]);
    const notes = await (await control("GET", "notes?application=A1")).json();
    expect(notes.notes).toEqual([{ noteId: "N1", note: "note N1" }]);

    expect((await control("POST", "expire-tokens")).status).toBe(200);
    expect((await control("POST", "reset")).status).toBe(200);
    expect(mock.received()).toEqual([]);
  });

  it("answers 400 for a control body it cannot use", async () => {
    expect((await control("POST", "faults", { http5xx: 2 })).status).toBe(400);
    expect((await control("POST", "entity-errors", { noteIds: [] })).status).toBe(400);
  });
});
