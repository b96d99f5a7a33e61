// Outbox rows and helpers for delivery-engine tests.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { EngineLog } from "@/lib/delivery/run/engine-context";

export async function createOrganization(prisma: Db, slug = `org-${randomBytes(3).toString("hex")}`): Promise<string> {
  const org = await prisma.organization.create({ data: { slug, name: slug } });
  return org.id;
}

export type DeliverySpec = {
  channel?: string;
  destination?: string;
  orderingKey?: string | null;
  payload?: unknown;
  dueBy?: Date | null;
  expiresAt?: Date | null;
  createdAt?: Date;
  nextAttemptAt?: Date;
};

/** Writes outbox rows in one statement (seq follows the order given); returns their ids in that order. */
export async function addDeliveries(prisma: Db, organizationId: string, specs: DeliverySpec[]): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const now = new Date();
  const rows = specs.map((spec, i) => ({
    id: `dl_${tag}_${String(i).padStart(6, "0")}`,
    organizationId,
    channel: spec.channel ?? "seek-signal",
    kind: "ApplicationStatusUpdate",
    destination: spec.destination ?? "seek",
    payload: (spec.payload ?? { n: i }) as object,
    orderingKey: spec.orderingKey ?? null,
    dueBy: spec.dueBy ?? null,
    expiresAt: spec.expiresAt ?? null,
    occurredAt: now,
    createdAt: spec.createdAt ?? now,
    nextAttemptAt: spec.nextAttemptAt ?? new Date(now.getTime() - 1_000),
  }));
  await prisma.delivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

export function many(count: number, spec: (i: number) => DeliverySpec = () => ({})): DeliverySpec[] {
  return Array.from({ length: count }, (_, i) => spec(i));
}

/** Collects the engine's log lines instead of printing them. */
export function quietLog(): EngineLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message, error) => lines.push(`warn ${message}${error ? ` ${String(error)}` : ""}`),
  };
}

/** Polls until `check` returns true (or throws after `timeoutMs`, naming what it waited for). */
export async function waitUntil(label: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function countByState(prisma: Db, ids?: string[]): Promise<Record<string, number>> {
  const groups = await prisma.delivery.groupBy({
    by: ["state"],
    where: ids ? { id: { in: ids } } : {},
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.state, g._count._all]));
}
