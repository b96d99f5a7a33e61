// The linkedin-note channel against the LinkedIn mock over real HTTP, with its database on each engine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LinkedinMock, startLinkedinMock } from "@/e2e/mocks/linkedin/server";
import type { Db } from "@/lib/db/client";
import type { Channel, ChannelSendResult, DeliveryOutcome } from "@/lib/delivery/channel";
import { ensureDefaultOrganization } from "@/lib/organizations/default-organization";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "@/test/support/test-databases";
import { configuredOrganization, deleteRow, mockSettings, row, sendContext, upsertRow } from "./channel.test-support";
import { createLinkedinNoteChannel, type LinkedinNoteChannelOptions } from "./linkedin-note-channel";
import type { LinkedinSettings } from "./linkedin-settings";

const START = Date.parse("2026-11-23T10:00:10.000Z");
let clock = START;
const now = () => new Date(clock);

const ENV_CUSTOMER = {
  clientId: "env-client",
  clientSecret: "env-client-secret-0123456789",
  integrationContext: "urn:li:organization:777",
};

const kinds = (result: ChannelSendResult, ids: string[]) => ids.map((id) => result.outcomes.get(id)?.kind);

describe.each(databasesUnderTest())("linkedin-note channel on %s", (kind) => {
  let t: TestDatabase;
  let db: Db;
  let mock: LinkedinMock;
  let acme: string;
  let defaultOrg: string;
  let bare: string;
  let settings: LinkedinSettings;
  const channel = (options: Partial<LinkedinNoteChannelOptions> = {}): Channel =>
    createLinkedinNoteChannel({ db, settings: () => settings, concurrency: 1, ...options });

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.prisma;
    mock = await startLinkedinMock({ now: () => clock });
    mock.addCustomer(ENV_CUSTOMER);
    settings = mockSettings(mock, ENV_CUSTOMER);
    acme = await configuredOrganization(db, "acme", mock.customer);
    defaultOrg = (await ensureDefaultOrganization(db)).id;
    bare = (await db.organization.create({ data: { slug: "bare", name: "Bare" } })).id;
  });
  afterAll(async () => {
    await mock?.close();
    await t?.close();
  });
  beforeEach(async () => {
    mock.reset();
    clock = START;
    await db.rateWindow.deleteMany({});
    await db.accessToken.deleteMany({});
  });

  it("is named linkedin-note and takes batches of up to 100", () => {
    expect(channel()).toMatchObject({ name: "linkedin-note", maxBatch: 100 });
  });

  it("sends 250 notes of one application as three requests of at most 100, in the order they were written", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => upsertRow(acme, "APP-1", `N${i}`));
    const result = await channel().send(rows, sendContext(now));

    expect(
      new Set(
        kinds(
          result,
          rows.map((r) => r.id),
        ),
      ),
    ).toEqual(new Set(["delivered"]));
    const received = mock.received();
    expect(received.map((r) => r.ids.length)).toEqual([100, 100, 50]);
    expect(received.flatMap((r) => r.ids)).toEqual(rows.map((r) => (r.payload as { noteId: string }).noteId));
    expect(mock.notes("APP-1")).toHaveLength(250);
    // every request is reported, with the deliveries it carried and the X-Request-Id it was sent with
    expect(result.requests.map((r) => r.deliveryIds.length)).toEqual([100, 100, 50]);
    expect(result.requests.map((r) => r.requestId)).toEqual(received.map((r) => r.requestId));
    expect(new Set(result.requests.map((r) => r.requestId)).size).toBe(3);
    expect(result.requests.every((r) => r.httpStatus === 200 && r.errorCodes.length === 0)).toBe(true);
    const [first] = received;
    expect(first?.headers).toMatchObject({
      authorization: expect.stringMatching(/^Bearer \S+$/),
      "x-restli-method": "batch_update",
      "content-type": "application/json",
    });
    expect(first?.body).toMatchObject({
      entities: {
        N0: { note: "note N0", atsCreatedAt: 1_484_864_187_000, author: { firstName: "Angela", lastName: "Smith" } },
      },
    });
  });

  it("never reorders: upsert N1, delete N1, upsert N2 go as three requests in that order", async () => {
    const rows = [upsertRow(acme, "APP-2", "N1"), deleteRow(acme, "APP-2", "N1"), upsertRow(acme, "APP-2", "N2")];
    const result = await channel().send(rows, sendContext(now));
    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "delivered", "delivered"]);
    expect(mock.received().map((r) => `${r.method} ${r.headers["x-restli-method"]} ${r.ids.join(",")}`)).toEqual([
      "PUT batch_update N1",
      "DELETE batch_delete N1",
      "PUT batch_update N2",
    ]);
    expect(mock.notes("APP-2").map((n) => n.noteId)).toEqual(["N2"]);
  });

  it("builds the URL with Rest.li 1.0 encoding, so identifiers with & = / and spaces arrive intact, and integer-like ids keep their order", async () => {
    const rows = [upsertRow(acme, "a&b=c/d e", "10"), upsertRow(acme, "a&b=c/d e", "2")];
    const result = await channel().send(rows, sendContext(now));
    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "delivered"]);
    expect(mock.received()[0]).toMatchObject({ atsJobApplicationId: "a&b=c/d e", ids: ["10", "2"] });
    expect(mock.received()[0]?.url).toContain(
      "atsJobApplicationId=a%26b%3Dc%2Fd%20e&dataProvider=ATS&integrationContext=urn:li:organization:2414183",
    );
  });

  it("reads every entity's status in a 200: only the note with an error is failed (4xx) or retried (5xx), the others are delivered", async () => {
    mock.addEntityErrors({ noteIds: ["N2"], status: 400, message: "/note is too long" });
    mock.addEntityErrors({ noteIds: ["N3"], status: 503 });
    const rows = ["N1", "N2", "N3", "N4"].map((id) => upsertRow(acme, "APP-3", id));
    const later = deleteRow(acme, "APP-3", "N1");
    const result = await channel().send([...rows, later], sendContext(now));

    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "failed", "retry", "delivered"]);
    expect(result.outcomes.get(rows[1]!.id)).toEqual({
      kind: "failed",
      code: "LINKEDIN_ENTITY_400",
      message: "LinkedIn answered 400 for note N2: /note is too long",
    });
    expect(result.requests[0]?.errorCodes).toEqual(["LINKEDIN_ENTITY_400:N2", "LINKEDIN_ENTITY_503:N3"]);
    // the application's later change waits for the retried one, so LinkedIn never sees them out of order
    expect(result.outcomes.get(later.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_ORDER_HELD" });
    expect(mock.received()).toHaveLength(1);
    expect(result.destinationBackoff).toBeUndefined();
  });

  it("renews an expired token once and resends the request", async () => {
    const first = await channel().send([upsertRow(acme, "APP-4", "N1")], sendContext(now));
    expect(first.outcomes.size).toBe(1);
    mock.expireTokens();
    const rows = [upsertRow(acme, "APP-4", "N2")];
    const result = await channel().send(rows, sendContext(now));
    expect(kinds(result, [rows[0]!.id])).toEqual(["delivered"]);
    expect(mock.received().map((r) => r.httpStatus)).toEqual([200, 401, 200]);
    expect(mock.tokenRequests()).toBe(2);
    expect(result.requests.map((r) => [r.httpStatus, r.errorCodes])).toEqual([
      [401, ["LINKEDIN_UNAUTHORIZED"]],
      [200, []],
    ]);
  });

  it("retries with a destination back-off when LinkedIn refuses even a renewed token", async () => {
    mock.setFaults({ queue: ["unauthorized", "unauthorized"] });
    const rows = [upsertRow(acme, "APP-5", "N1"), upsertRow(acme, "APP-6", "N1")];
    const result = await channel().send(rows, sendContext(now));
    expect(result.outcomes.get(rows[0]!.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_UNAUTHORIZED" });
    expect(result.outcomes.get(rows[1]!.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_UNAUTHORIZED" });
    expect(mock.received()).toHaveLength(2); // the request and its one resend; the other application waits
    expect(mock.tokenRequests()).toBe(2);
    expect(result.destinationBackoff?.until.getTime()).toBeGreaterThan(clock);
  });

  it("retries everything of the organization after a 429, not before the next minute, and backs the destination off", async () => {
    mock.setFaults({ queue: ["rateLimited"] });
    const rows = [upsertRow(acme, "APP-7", "N1"), upsertRow(acme, "APP-8", "N1")];
    const result = await channel().send(rows, sendContext(now));
    const next = new Date("2026-11-23T10:01:00.000Z");
    for (const r of rows) {
      expect(result.outcomes.get(r.id)).toMatchObject({
        kind: "retry",
        code: "LINKEDIN_RATE_LIMITED",
        notBefore: next,
      });
    }
    expect(result.destinationBackoff?.until).toEqual(next);
    expect(mock.received()).toHaveLength(1);
  });

  it("retries an application after a 5xx while other applications still go", async () => {
    mock.setFaults({ queue: ["http5xx"] });
    const rows = [upsertRow(acme, "APP-9", "N1"), deleteRow(acme, "APP-9", "N1"), upsertRow(acme, "APP-10", "N1")];
    const result = await channel().send(rows, sendContext(now));
    expect(result.outcomes.get(rows[0]!.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_HTTP_503" });
    expect(result.outcomes.get(rows[1]!.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_ORDER_HELD" });
    expect(result.outcomes.get(rows[2]!.id)).toEqual({ kind: "delivered" });
  });

  it("retries when LinkedIn does not answer in time", async () => {
    mock.setFaults({ queue: ["hang"] });
    const rows = [upsertRow(acme, "APP-11", "N1")];
    const result = await channel({ requestTimeoutMs: 300 }).send(rows, sendContext(now));
    expect(result.outcomes.get(rows[0]!.id)).toMatchObject({ kind: "retry", code: "LINKEDIN_TIMEOUT" });
    expect(result.requests[0]).toMatchObject({
      httpStatus: null,
      errorCodes: ["LINKEDIN_TIMEOUT"],
      responseBody: null,
    });
  });

  it("retries when LinkedIn cannot be reached, and stops the organization after two such requests", async () => {
    const unreachable = { ...settings, apiUrl: "http://127.0.0.1:4699" };
    const rows = ["APP-20", "APP-21", "APP-22"].map((app) => upsertRow(acme, app, "N1"));
    const result = await channel({ settings: () => unreachable }).send(rows, sendContext(now));
    expect(rows.map((r) => result.outcomes.get(r.id))).toMatchObject([
      { kind: "retry", code: "LINKEDIN_NETWORK" },
      { kind: "retry", code: "LINKEDIN_NETWORK" },
      { kind: "retry", code: "LINKEDIN_NETWORK", message: expect.stringMatching(/^Not sent: /) },
    ]);
    expect(result.requests.map((r) => r.errorCodes)).toEqual([["LINKEDIN_NETWORK"], ["LINKEDIN_NETWORK"]]);
  });

  it("retries when no token can be had: the token endpoint failing, or LinkedIn refusing the credentials (with a back-off)", async () => {
    mock.setFaults({ tokenHttp5xx: 1 });
    const down = await channel().send([upsertRow(acme, "APP-23", "N1")], sendContext(now));
    expect([...down.outcomes.values()]).toMatchObject([{ kind: "retry", code: "LINKEDIN_TOKEN_UNAVAILABLE" }]);
    mock.reset();
    const wrong = await configuredOrganization(db, "wrong-secret", {
      ...mock.customer,
      clientSecret: "not-the-secret",
    });
    const refused = await channel().send([upsertRow(wrong, "APP-24", "N1")], sendContext(now));
    expect([...refused.outcomes.values()]).toMatchObject([{ kind: "retry", code: "LINKEDIN_CREDENTIALS_REJECTED" }]);
    expect(JSON.stringify([...refused.outcomes.values()])).not.toContain("not-the-secret");
    expect(refused.destinationBackoff?.until.getTime()).toBeGreaterThan(clock);
    expect(mock.received()).toEqual([]);
  });

  it("resends a batch refused as a whole one note at a time, in order, so only a bad note can fail", async () => {
    mock.setFaults({ queue: ["badRequest"] });
    mock.addEntityErrors({ noteIds: ["N2"], status: 422 });
    const rows = ["N1", "N2", "N3"].map((id) => upsertRow(acme, "APP-12", id));
    const result = await channel().send(rows, sendContext(now));
    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "failed", "delivered"]);
    expect(mock.received().map((r) => r.ids.join(","))).toEqual(["N1,N2,N3", "N1", "N2", "N3"]);
    expect(result.requests.map((r) => r.deliveryIds.length)).toEqual([3, 1, 1, 1]);
  });

  it("retries an unconfigured organization's notes with LINKEDIN_NOT_CONFIGURED and a destination back-off, sending nothing", async () => {
    const rows = [upsertRow(bare, "APP-13", "N1")];
    const result = await channel().send(rows, sendContext(now));
    expect(result.outcomes.get(rows[0]!.id)).toEqual({
      kind: "retry",
      code: "LINKEDIN_NOT_CONFIGURED",
      message:
        "LinkedIn is not configured for organization bare: set its integration context, client id and client secret.",
    });
    expect(result.destinationBackoff?.reason).toMatch(/not configured/);
    expect(result.requests).toEqual([]);
    expect(mock.received()).toEqual([]);
  });

  it("sends each organization's notes with its own credentials and integration context (the default one from LINKEDIN_*)", async () => {
    const rows = [upsertRow(acme, "SHARED", "N1"), upsertRow(defaultOrg, "SHARED", "N1")];
    const result = await channel().send(rows, sendContext(now));
    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "delivered"]);
    expect(mock.received().map((r) => [r.clientId, r.integrationContext])).toEqual([
      [mock.customer.clientId, mock.customer.integrationContext],
      [ENV_CUSTOMER.clientId, ENV_CUSTOMER.integrationContext],
    ]);
    expect(mock.notes("SHARED", ENV_CUSTOMER.integrationContext)).toHaveLength(1);
  });

  it("fails a row whose payload is not a note change, without spoiling the batch", async () => {
    const bad = row(acme, { operation: "archive", atsJobApplicationId: "APP-14", noteId: "N0" });
    const good = upsertRow(acme, "APP-14", "N1");
    const result = await channel().send([bad, good], sendContext(now));
    expect(result.outcomes.get(bad.id)).toMatchObject({ kind: "failed", code: "LINKEDIN_BAD_PAYLOAD" });
    expect(result.outcomes.get(good.id)).toEqual({ kind: "delivered" });
  });

  it("keeps tokens and secrets out of everything it reports", async () => {
    mock.addEntityErrors({ noteIds: ["N2"], status: 400 });
    const result = await channel().send(
      [upsertRow(acme, "APP-15", "N1"), upsertRow(acme, "APP-15", "N2")],
      sendContext(now),
    );
    const token = mock.received()[0]?.headers.authorization?.replace("Bearer ", "") ?? "";
    expect(token.length).toBeGreaterThan(20);
    const reported = JSON.stringify({ requests: result.requests, outcomes: [...result.outcomes.values()] });
    expect(reported).not.toContain(token);
    expect(reported).not.toContain(mock.customer.clientSecret);
    expect(result.requests[0]?.requestBody).toMatch(
      /^PUT \/v2\/atsApplications\/.*\/notes\?ids=N1&ids=N2\n\{"entities"/,
    );
  });

  it("counts deleting a note LinkedIn does not hold as delivered", async () => {
    const rows = [deleteRow(acme, "APP-16", "GONE")];
    const result = await channel().send(rows, sendContext(now));
    expect(result.outcomes.get(rows[0]!.id)).toEqual({ kind: "delivered", result: { alreadyAbsent: true } });
  });

  it("retries until next midnight UTC, saying the daily budget is used up, once the day's requests are spent", async () => {
    const limits = { recordsPerMinute: 10_000, requestsPerDay: 2 };
    const rows = ["APP-17", "APP-18", "APP-19"].map((app) => upsertRow(acme, app, "N1"));
    const result = await channel({ limits }).send(rows, sendContext(now));
    expect(
      kinds(
        result,
        rows.map((r) => r.id),
      ),
    ).toEqual(["delivered", "delivered", "retry"]);
    const outcome = result.outcomes.get(rows[2]!.id) as Extract<DeliveryOutcome, { kind: "retry" }>;
    expect(outcome).toMatchObject({
      code: "LINKEDIN_DAILY_BUDGET_USED",
      notBefore: new Date("2026-11-24T00:00:00.000Z"),
    });
    expect(outcome.message).toMatch(/daily budget of 2 requests .* is used up/);
    expect(result.destinationBackoff?.until).toEqual(new Date("2026-11-24T00:00:00.000Z"));
    expect(mock.received()).toHaveLength(2);
  });
});
