// Drives the real route handlers in-process against a fresh test database, the way Next would call them.
import { expect } from "vitest";
import { PUT as putPosition } from "@/app/api/v1/positions/[positionId]/route";
import { resetEnvCache } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ensureDefaultOrganization } from "@/lib/organizations/default-organization";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { flatPositionPipeline, twoLevelApplicationPipeline } from "./fixtures";
import { type DatabaseKind, openTestDatabase, type TestDatabase } from "./test-databases";

export const BOOTSTRAP_KEY = "sh_test_bootstrap_key_0123456789";

export type ApiHarness = TestDatabase & { organizationId: string };

/** Opens a fresh database and makes it the one `db()` returns in this test process. */
export async function openApiHarness(kind: DatabaseKind): Promise<ApiHarness> {
  const database = await openTestDatabase(kind);
  if (database.target.kind === "pglite") {
    delete process.env.DATABASE_URL;
    process.env.SIGNALHOUSE_DATA_DIR = database.target.dataDir;
  } else {
    process.env.DATABASE_URL = database.target.url;
  }
  process.env.SIGNALHOUSE_BOOTSTRAP_API_KEY = BOOTSTRAP_KEY;
  process.env.SIGNALHOUSE_ENCRYPTION_KEY ??= "test-encryption-key-0123456789abcdef";
  resetEnvCache();
  const org = await ensureDefaultOrganization(database.prisma);
  return { ...database, organizationId: org.id };
}

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string> | undefined> },
) => Promise<Response>;

export type CallOptions = {
  method?: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  key?: string | null;
};

export async function call(
  handler: Handler,
  options: CallOptions,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const key = options.key === undefined ? BOOTSTRAP_KEY : options.key;
  if (key !== null) headers.authorization ??= `Bearer ${key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://localhost${options.path}`, { method: options.method ?? "POST", headers, body });
  // As Next does: a route without dynamic segments gets no params at all, not an empty object.
  const response = await handler(request, { params: Promise.resolve(options.params) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Stores a pipeline version directly (the pipelines API has its own tests). */
export async function seedPipeline(
  prisma: TestDatabase["prisma"],
  organizationId: string,
  key: string,
  definition: TPipelineDefinition,
): Promise<{ pipelineId: string; versionId: string }> {
  const pipeline = await prisma.pipeline.upsert({
    where: { organizationId_key: { organizationId, key } },
    create: { organizationId, key, kind: definition.kind, name: definition.name },
    update: { name: definition.name },
  });
  const count = await prisma.pipelineVersion.count({ where: { pipelineId: pipeline.id } });
  const version = await prisma.pipelineVersion.create({
    data: {
      pipelineId: pipeline.id,
      version: count + 1,
      name: definition.name,
      definition: definition as Prisma.InputJsonValue,
    },
  });
  await prisma.pipeline.update({ where: { id: pipeline.id }, data: { currentVersionId: version.id } });
  return { pipelineId: pipeline.id, versionId: version.id };
}

/**
 * The status-change tests' common ground: pipelines "std" (two-level, applications) and "pos" (flat,
 * positions), and position P1 using both with one SEEK position profile, written through the API.
 */
export async function seedStandardPosition(h: ApiHarness): Promise<void> {
  await seedPipeline(h.prisma, h.organizationId, "std", twoLevelApplicationPipeline);
  await seedPipeline(h.prisma, h.organizationId, "pos", flatPositionPipeline);
  await putStandardPosition();
}

/** Position P1 on pipelines "std" and "pos" (saved already, however the test saved them), through the API. */
export async function putStandardPosition(): Promise<void> {
  const position = await call(putPosition, {
    method: "PUT",
    path: "/api/v1/positions/P1",
    params: { positionId: "P1" },
    body: {
      title: "Barista",
      pipeline: "pos",
      applicationPipeline: "std",
      seekPositionProfileIds: ["seekAnzPublicTest:positionProfile:jobAd:27cuZeA47"],
      applyUrl: "https://ats.example.com/jobs/P1/apply",
    },
  });
  expect(position.status).toBe(202);
}

/** Counts of every table an API write may touch, to prove a refused request wrote nothing. */
export async function tableCounts(prisma: TestDatabase["prisma"]): Promise<Record<string, number>> {
  const [events, deliveries, applications, positions, captures, candidates, idempotency, pipelines, versions] =
    await Promise.all([
      prisma.event.count(),
      prisma.delivery.count(),
      prisma.application.count(),
      prisma.position.count(),
      prisma.seekTokenCapture.count(),
      prisma.candidate.count(),
      prisma.idempotencyRecord.count(),
      prisma.pipeline.count(),
      prisma.pipelineVersion.count(),
    ]);
  return { events, deliveries, applications, positions, captures, candidates, idempotency, pipelines, versions };
}
