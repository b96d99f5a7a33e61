// Shared pieces of the full-stack delivery tests: the v1 route handlers driven as the ATS would call
// them, the product's environment pointed at the SEEK and LinkedIn mocks, and the small statistics the
// tests log (they measure, they never assert on speed).

import { setImmediate as nextTurn } from "node:timers/promises";
import { POST as completeRoute } from "@/app/api/v1/applications/[applicationId]/complete/route";
import { PUT as putNoteRoute } from "@/app/api/v1/applications/[applicationId]/notes/[noteId]/route";
import { PUT as putApplicationRoute } from "@/app/api/v1/applications/[applicationId]/route";
import { POST as applicationStatusRoute } from "@/app/api/v1/applications/[applicationId]/status/route";
import {
  DELETE as deleteHistoryRoute,
  PUT as putHistoryRoute,
} from "@/app/api/v1/candidates/[candidateId]/history/[idempotencyId]/route";
import { PUT as putCandidateRoute } from "@/app/api/v1/candidates/[candidateId]/route";
import { PUT as putPositionRoute } from "@/app/api/v1/positions/[positionId]/route";
import { POST as positionStatusRoute } from "@/app/api/v1/positions/[positionId]/status/route";
import type { LinkedinMock } from "@/e2e/mocks/linkedin/server";
import type { SeekMock } from "@/e2e/mocks/seek/server";
import { resetEnvCache } from "@/lib/env";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { call } from "./api-harness";

type Written = { id: string; deliveries: { id: string; channel: string; state: string }[] };

/**
 * Calls a v1 write and insists on 202: a refused write would make every later assertion meaningless.
 * Each call first yields a turn of the event loop, as a request arriving over the network would: on
 * PGlite every query resolves as a microtask, so back-to-back in-process calls would otherwise starve
 * the worker's timers and HTTP requests in the same process until the writing stops.
 */
async function accepted(response: () => Promise<{ status: number; body: any }>, what: string): Promise<Written> {
  await nextTurn();
  const r = await response();
  if (r.status !== 202) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as Written;
}

/** The v1 API as the ATS drives it (each call goes through the real route handler). */
export const api = {
  putPosition: (positionId: string, body: unknown) =>
    accepted(
      () =>
        call(putPositionRoute, {
          method: "PUT",
          path: `/api/v1/positions/${positionId}`,
          params: { positionId },
          body,
        }),
      `PUT position ${positionId}`,
    ),
  putApplication: (applicationId: string, body: unknown) =>
    accepted(
      () =>
        call(putApplicationRoute, {
          method: "PUT",
          path: `/api/v1/applications/${applicationId}`,
          params: { applicationId },
          body,
        }),
      `PUT application ${applicationId}`,
    ),
  moveApplication: (applicationId: string, status: string, occurredAt: string) =>
    accepted(
      () =>
        call(applicationStatusRoute, {
          path: `/api/v1/applications/${applicationId}/status`,
          params: { applicationId },
          body: { status, occurredAt },
        }),
      `move ${applicationId} to ${status}`,
    ),
  complete: (applicationId: string, occurredAt: string) =>
    accepted(
      () =>
        call(completeRoute, {
          path: `/api/v1/applications/${applicationId}/complete`,
          params: { applicationId },
          body: { occurredAt },
        }),
      `complete ${applicationId}`,
    ),
  movePosition: (positionId: string, status: string, occurredAt: string) =>
    accepted(
      () =>
        call(positionStatusRoute, {
          path: `/api/v1/positions/${positionId}/status`,
          params: { positionId },
          body: { status, occurredAt },
        }),
      `move position ${positionId} to ${status}`,
    ),
  putCandidate: (candidateId: string, body: unknown) =>
    accepted(
      () =>
        call(putCandidateRoute, {
          method: "PUT",
          path: `/api/v1/candidates/${candidateId}`,
          params: { candidateId },
          body,
        }),
      `PUT candidate ${candidateId}`,
    ),
  putHistory: (candidateId: string, idempotencyId: string, body: unknown) =>
    accepted(
      () =>
        call(putHistoryRoute, {
          method: "PUT",
          path: `/api/v1/candidates/${candidateId}/history/${idempotencyId}`,
          params: { candidateId, idempotencyId },
          body,
        }),
      `PUT history ${candidateId}/${idempotencyId}`,
    ),
  deleteHistory: (candidateId: string, idempotencyId: string) =>
    accepted(
      () =>
        call(deleteHistoryRoute, {
          method: "DELETE",
          path: `/api/v1/candidates/${candidateId}/history/${idempotencyId}`,
          params: { candidateId, idempotencyId },
        }),
      `DELETE history ${candidateId}/${idempotencyId}`,
    ),
  putNote: (applicationId: string, noteId: string, body: unknown) =>
    accepted(
      () =>
        call(putNoteRoute, {
          method: "PUT",
          path: `/api/v1/applications/${applicationId}/notes/${noteId}`,
          params: { applicationId, noteId },
          body,
        }),
      `PUT note ${applicationId}/${noteId}`,
    ),
};

/** Runs `task` over `items` with at most `parallel` at a time, in order of start. */
export async function inParallel<T>(items: readonly T[], parallel: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, lane));
}

function setVars(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  resetEnvCache();
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
  };
}

/** Points the product's SEEK configuration (env()) at the mock; returns the undo. */
export function pointSeekAt(mock: SeekMock): () => void {
  return setVars(seekEnvFor(mock));
}

/** The environment a separate process needs to reach the SEEK mock. */
export function seekEnvFor(mock: SeekMock): Record<string, string> {
  return {
    SEEK_GRAPHQL_URL: mock.graphqlUrl,
    SEEK_TOKEN_URL: mock.tokenUrl,
    SEEK_CLIENT_ID: mock.credentials.clientId,
    SEEK_CLIENT_SECRET: mock.credentials.clientSecret,
    SEEK_TOKEN_AUDIENCE: mock.credentials.audience,
  };
}

/** Configures the `default` organization's LinkedIn (LINKEDIN_* variables) for the mock's customer. */
export function pointLinkedinAt(mock: LinkedinMock): () => void {
  return setVars({
    LINKEDIN_API_URL: mock.apiUrl,
    LINKEDIN_TOKEN_URL: mock.tokenUrl,
    LINKEDIN_CLIENT_ID: mock.customer.clientId,
    LINKEDIN_CLIENT_SECRET: mock.customer.clientSecret,
    LINKEDIN_INTEGRATION_CONTEXT: mock.customer.integrationContext,
  });
}

/** The SEEK state of one status as SEEK documents it (1-based index/total), computed from the pipeline. */
export function expectedState(pipeline: TPipelineDefinition, statusKey: string, timestamp: string) {
  const index = pipeline.statuses.findIndex((s) => s.key === statusKey);
  const status = pipeline.statuses[index]!;
  const phaseIndex = pipeline.phases?.findIndex((p) => p.key === status.phase) ?? -1;
  return {
    ...(pipeline.phases && phaseIndex >= 0
      ? { phase: { label: pipeline.phases[phaseIndex]!.label, index: phaseIndex + 1, total: pipeline.phases.length } }
      : {}),
    status: { label: status.label, index: index + 1, total: pipeline.statuses.length },
    success: status.success,
    timestamp,
  };
}

/** One signal's identity: every status change in these tests has its own event time. */
export function signalKey(signal: { typeCode: string; current?: object | null; timestamp?: string | null }): string {
  const current = signal.current as { timestamp?: string } | null | undefined;
  return `${signal.typeCode}@${current?.timestamp ?? signal.timestamp}`;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Counts how many times each key occurs. */
export function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
