// Operational webhooks end to end inside one process: registered through the real v1 routes, emitted
// by the engine when a board delivery fails, delivered by the webhook channel over real HTTP to a
// receiver that verifies the Standard Webhooks signature with the reference library.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteWebhookRoute, PUT as putWebhookRoute } from "@/app/api/v1/webhooks/[webhookId]/route";
import { GET as listWebhooksRoute } from "@/app/api/v1/webhooks/route";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/mocks/webhooks/server";
import { drainOnce, runWorker } from "@/lib/delivery/run/drain";
import { resetEnvCache } from "@/lib/env";
import { createWebhookChannel } from "@/lib/webhooks/webhook-channel";
import { WEBHOOK_OBSERVERS } from "@/lib/webhooks/webhook-observers";
import { putWebhook } from "@/lib/webhooks/webhook-subscriptions";
import { type ApiHarness, call, openApiHarness } from "../../support/api-harness";
import { addDeliveries, createOrganization, quietLog, waitUntil } from "../../support/delivery-fixtures";
import { type LoopbackBoard, startLoopbackBoard } from "../../support/loopback-board";
import { loopbackChannel } from "../../support/loopback-channel";
import { databasesUnderTest } from "../../support/test-databases";

const PARTNER_KEY = "sh_partner_key_for_webhook_tests_0123456789";

const putWebhook_ = (webhookId: string, body: unknown) =>
  call(putWebhookRoute, { method: "PUT", path: `/api/v1/webhooks/${webhookId}`, params: { webhookId }, body });

describe.each(databasesUnderTest())("operational webhooks on %s", (kind) => {
  let h: ApiHarness;
  let board: LoopbackBoard;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
    h = await openApiHarness(kind);
    board = await startLoopbackBoard();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    delete process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS;
    resetEnvCache();
    await receiver.close();
    await board.close();
    await h.close();
  });

  const webhookChannel = (requestTimeoutMs = 5_000) =>
    createWebhookChannel({
      db: h.prisma,
      rules: () => ({ allowPrivateNetworks: true, selfOrigins: [] }),
      requestTimeoutMs,
    });
  const drain = (channels = [loopbackChannel({ baseUrl: board.url }), webhookChannel()]) =>
    drainOnce({
      db: h.prisma,
      channels,
      workerId: "w1",
      log: quietLog(),
      random: () => 1,
      observers: WEBHOOK_OBSERVERS,
    });
  /** makes every row and destination due again, as time passing would */
  const dueNow = async () => {
    await h.prisma.delivery.updateMany({
      where: { state: "pending" },
      data: { nextAttemptAt: new Date(Date.now() - 1_000) },
    });
    await h.prisma.destinationState.deleteMany({});
  };

  it("PUT creates (201, secret once), updates (200, no secret); GET lists without secrets; DELETE removes", async () => {
    const url = `${receiver.url}/crud`;
    const created = await putWebhook_("crud", { url, events: ["delivery.failed"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: "crud",
      url,
      events: ["delivery.failed"],
      secret: expect.stringMatching(/^whsec_/),
    });
    const updated = await putWebhook_("crud", { url, events: ["delivery.failed", "delivery.dead"] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: "crud", events: ["delivery.failed", "delivery.dead"] });
    expect(updated.body).not.toHaveProperty("secret");
    const listed = await call(listWebhooksRoute, { method: "GET", path: "/api/v1/webhooks" });
    expect(listed.status).toBe(200);
    expect(listed.body.webhooks).toEqual([expect.objectContaining({ id: "crud" })]);
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");
    const stored = await h.prisma.webhookSubscription.findFirstOrThrow({
      where: { webhookId: "crud" },
      omit: { secretEnc: false },
    });
    const audit = await h.prisma.auditLog.findMany({ where: { targetType: "webhook", targetId: stored.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.create", "webhook.update"]);
    expect(JSON.stringify(audit)).not.toContain("whsec_");
    expect(stored.secretEnc).not.toContain("whsec_");
    const del = () =>
      call(deleteWebhookRoute, { method: "DELETE", path: "/api/v1/webhooks/crud", params: { webhookId: "crud" } });
    expect((await del()).status).toBe(200);
    expect((await del()).status).toBe(404);
    const deleted = await h.prisma.auditLog.findMany({ where: { action: "webhook.delete", targetId: stored.id } });
    expect(deleted).toHaveLength(1);
  });

  it("a partner key owns its own subscriptions; an organization key never sees them", async () => {
    process.env.SIGNALHOUSE_PARTNER_API_KEY = PARTNER_KEY;
    resetEnvCache();
    try {
      const url = `${receiver.url}/partner`;
      const asPartner = (webhookId: string, body: unknown) =>
        call(putWebhookRoute, {
          method: "PUT",
          path: `/api/v1/webhooks/${webhookId}`,
          params: { webhookId },
          body,
          key: PARTNER_KEY,
        });
      const created = await asPartner("ops", { url, events: ["channel.degraded", "delivery.dead"] });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      // The same id again updates the partner's one subscription (no second row for a NULL owner).
      expect((await asPartner("ops", { url, events: ["channel.degraded"] })).status).toBe(200);
      const rows = await h.prisma.webhookSubscription.findMany({ where: { webhookId: "ops" } });
      expect(rows.map((r) => r.organizationId)).toEqual([null]);

      const partnerList = await call(listWebhooksRoute, { method: "GET", path: "/api/v1/webhooks", key: PARTNER_KEY });
      expect(partnerList.body.webhooks.map((w: { id: string }) => w.id)).toEqual(["ops"]);
      const orgList = await call(listWebhooksRoute, { method: "GET", path: "/api/v1/webhooks" });
      expect(orgList.body.webhooks.map((w: { id: string }) => w.id)).not.toContain("ops");
      // An organization's key cannot delete the partner's subscription: its "ops" does not exist.
      const orgDelete = await call(deleteWebhookRoute, {
        method: "DELETE",
        path: "/api/v1/webhooks/ops",
        params: { webhookId: "ops" },
        body: {},
      });
      expect(orgDelete.status).toBe(404);
      const partnerDelete = await call(deleteWebhookRoute, {
        method: "DELETE",
        path: "/api/v1/webhooks/ops",
        params: { webhookId: "ops" },
        body: {},
        key: PARTNER_KEY,
      });
      expect(partnerDelete.status).toBe(200);
    } finally {
      delete process.env.SIGNALHOUSE_PARTNER_API_KEY;
      resetEnvCache();
    }
  });

  it("an Idempotency-Key replay of a create answers without the secret, and no record stores it", async () => {
    const url = `${receiver.url}/replayed`;
    const put = () =>
      call(putWebhookRoute, {
        method: "PUT",
        path: "/api/v1/webhooks/replayed",
        params: { webhookId: "replayed" },
        body: { url, events: ["delivery.failed"] },
        headers: { "idempotency-key": "create-replayed-1" },
      });
    const first = await put();
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    const replay = await put();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toMatchObject({ id: "replayed", url });
    expect(replay.body).not.toHaveProperty("secret");
    const stored = await h.prisma.idempotencyRecord.findMany({});
    expect(JSON.stringify(stored)).not.toContain(first.body.secret);
    await h.prisma.webhookSubscription.deleteMany({ where: { webhookId: "replayed" } });
  });

  it("bad input is a 4xx naming the field, never 500", async () => {
    const badEvent = await putWebhook_("bad", { url: `${receiver.url}/x`, events: ["delivery.exploded"] });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error.message).toContain("body.events");
    const noEvents = await putWebhook_("bad", { url: `${receiver.url}/x`, events: [] });
    expect(noEvents.status).toBe(400);
    const ftp = await putWebhook_("bad", { url: "ftp://ats.example.com/x", events: ["delivery.failed"] });
    expect(ftp.status).toBe(422);
    expect(ftp.body.error).toMatchObject({
      code: "WEBHOOK_URL_NOT_ALLOWED",
      message: expect.stringContaining("body.url"),
    });
    const self = await putWebhook_("bad", {
      url: "http://localhost:3000/api/v1/positions",
      events: ["delivery.failed"],
    });
    expect(self.status).toBe(422);
    expect(self.body.error.message).toContain("Signalhouse itself");
    const badId = await putWebhook_("a b", { url: `${receiver.url}/x`, events: ["delivery.failed"] });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain("path.webhookId");
  });

  it("SSRF: loopback, private and link-local URLs are refused unless private networks are allowed", async () => {
    process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    resetEnvCache();
    try {
      for (const url of [
        "http://127.0.0.1:9/x",
        "http://10.0.0.1/x",
        "http://169.254.169.254/latest",
        "http://[::1]/x",
      ]) {
        const r = await putWebhook_("ssrf", { url, events: ["delivery.failed"] });
        expect(r.status, url).toBe(422);
        expect(r.body.error.code).toBe("WEBHOOK_URL_NOT_ALLOWED");
      }
      expect(await h.prisma.webhookSubscription.count({ where: { webhookId: "ssrf" } })).toBe(0);
    } finally {
      process.env.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
      resetEnvCache();
    }
    // registered while allowed, then refused at send time: the rule is checked again before every send
    const sub = await h.prisma.webhookSubscription.create({
      data: {
        organizationId: h.organizationId,
        webhookId: "ssrf-late",
        url: "http://127.0.0.1:9/x",
        events: ["delivery.failed"],
        secretEnc: "x",
      },
    });
    const [id] = await addDeliveries(h.prisma, h.organizationId, [
      { channel: "webhook", destination: `webhook:${sub.id}` },
    ]);
    await h.prisma.delivery.update({
      where: { id: id! },
      data: {
        kind: "delivery.failed",
        payload: {
          subscriptionId: sub.id,
          body: { type: "delivery.failed", timestamp: new Date().toISOString(), data: {} },
        },
      },
    });
    const strict = createWebhookChannel({
      db: h.prisma,
      rules: () => ({ allowPrivateNetworks: false, selfOrigins: [] }),
    });
    await drainOnce({
      db: h.prisma,
      channels: [strict],
      workerId: "w1",
      log: quietLog(),
      observers: WEBHOOK_OBSERVERS,
    });
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      state: "failed",
      lastErrorCode: "WEBHOOK_URL_NOT_ALLOWED",
    });
    await h.prisma.webhookSubscription.delete({ where: { id: sub.id } });
  });

  it("a failed SEEK delivery → a delivery.failed row written with the failure → delivered signed, same webhook-id on retry; org B hears nothing", async () => {
    receiver.reset();
    await h.prisma.delivery.deleteMany({});
    const created = await putWebhook_("main", {
      url: `${receiver.url}/org-a`,
      events: ["delivery.failed", "delivery.dead"],
    });
    expect(created.status).toBe(201);
    receiver.setSecret(created.body.secret);
    const orgB = await createOrganization(h.prisma, "org-b");
    await h.prisma.$transaction((tx) =>
      putWebhook(tx, {
        organizationId: orgB,
        actor: "apikey:test",
        webhookId: "main",
        body: { url: `${receiver.url}/org-b`, events: ["delivery.failed"] },
        encryptionKey: process.env.SIGNALHOUSE_ENCRYPTION_KEY!,
      }),
    );
    board.behave("seek-fails", () => ({
      items: () => ({ error: "BAD_USER_INPUT", message: "/input/token: Is not valid", permanent: true }),
    }));
    const [seekId] = await addDeliveries(h.prisma, h.organizationId, [{ destination: "seek-fails" }]);

    receiver.setFault({ status: 503, count: 1 });
    // One drain: the board refuses; the same record writes the webhook row (it exists before any other pass).
    const first = await drain([loopbackChannel({ baseUrl: board.url })]);
    expect(first.failed).toBe(1);
    const hooks = await h.prisma.delivery.findMany({ where: { channel: "webhook" } });
    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook).toMatchObject({ organizationId: h.organizationId, kind: "delivery.failed", state: "pending" });

    // The receiver answers 503 once: retried, then delivered with the same webhook-id.
    await drain();
    await dueNow();
    await drain();
    expect(await h.prisma.delivery.findUniqueOrThrow({ where: { id: hook.id } })).toMatchObject({
      state: "delivered",
      attempts: 2,
    });
    const attempts = receiver.attempts().filter((a) => a.path === "/org-a");
    expect(attempts.map((a) => [a.webhookId, a.status, a.verified])).toEqual([
      [hook.id, 503, true],
      [hook.id, 204, true],
    ]);
    expect(receiver.events().map((e) => e.body)).toEqual([
      {
        type: "delivery.failed",
        timestamp: expect.any(String),
        data: expect.objectContaining({
          deliveryId: seekId,
          channel: "seek-signal",
          organization: "default",
          error: {
            code: "BAD_USER_INPUT",
            message: "/input/token: Is not valid",
            hint: expect.stringContaining("token"),
          },
        }),
      },
    ]);
    expect(receiver.attempts().filter((a) => a.path === "/org-b")).toEqual([]);
    // the webhook row itself failing never produces a webhook about it
    expect(await h.prisma.delivery.count({ where: { channel: "webhook" } })).toBe(1);
  });

  it("a receiver that is down does not delay a SEEK delivery", async () => {
    // A receiver that accepts the connection and never answers.
    const open: http.ServerResponse[] = [];
    let arrived = 0;
    const hanging = http.createServer((_req, res) => {
      arrived += 1;
      open.push(res);
    });
    await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
    const port = (hanging.address() as AddressInfo).port;
    await h.prisma.delivery.deleteMany({});
    await h.prisma.webhookSubscription.deleteMany({});
    const sub = await putWebhook_("down", { url: `http://127.0.0.1:${port}/h`, events: ["delivery.failed"] });
    expect(sub.status).toBe(201);
    board.behave("seek-fails", () => ({ items: () => ({ error: "BAD_USER_INPUT", permanent: true }) }));
    board.behave("seek-ok", null);
    await addDeliveries(h.prisma, h.organizationId, [{ destination: "seek-fails" }]);

    const stop = new AbortController();
    const worker = runWorker({
      db: h.prisma,
      channels: [loopbackChannel({ baseUrl: board.url }), webhookChannel(120_000)],
      observers: WEBHOOK_OBSERVERS,
      workerId: "w-down",
      mode: "inline",
      signal: stop.signal,
      pollMs: 50,
      concurrency: 2,
      shutdownGraceMs: 100,
      log: quietLog(),
    });
    try {
      await waitUntil("the webhook send is hanging", async () => arrived > 0, 30_000);
      const [seekId] = await addDeliveries(h.prisma, h.organizationId, [{ destination: "seek-ok" }]);
      await waitUntil(
        "the SEEK delivery is delivered",
        async () => (await h.prisma.delivery.findUniqueOrThrow({ where: { id: seekId! } })).state === "delivered",
        30_000,
      );
      // delivered while the webhook request was still unanswered
      expect(open).toHaveLength(1);
      expect(open[0]!.writableEnded).toBe(false);
    } finally {
      stop.abort();
      await worker;
      hanging.closeAllConnections();
      await new Promise<void>((r) => hanging.close(() => r()));
    }
  });
});
