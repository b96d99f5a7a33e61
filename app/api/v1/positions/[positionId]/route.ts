// PUT /api/v1/positions/:positionId — create or replace a position
// GET same path — the position as stored, with its applyLink and current status
import { z } from "zod";
import { ZPositionParams } from "@/lib/api/common-schemas";
import { v1Read, v1Write } from "@/lib/api/v1-route";
import { scopeForApiKey } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { apiPublicOrigin } from "@/lib/http/api-public-origin";
import { ZPositionInput } from "@/lib/positions/position-input";
import { upsertPosition } from "@/lib/positions/upsert-position";
import { ZPositionView } from "@/lib/read-back/read-back-schemas";
import { getPosition } from "@/lib/read-back/read-positions";

export const PUT = v1Write({
  params: ZPositionParams,
  body: ZPositionInput,
  write: ({ tx, scope, body, params, now }) => upsertPosition(tx, scope, { positionId: params.positionId, body }, now),
});

export const GET = v1Read({
  params: ZPositionParams,
  query: z.object({}).strict(),
  doc: { summary: "Read a position", response: ZPositionView },
  read: ({ principal, params, request }) =>
    getPosition(db(), scopeForApiKey(principal), params.positionId, apiPublicOrigin(env(), request)),
});
