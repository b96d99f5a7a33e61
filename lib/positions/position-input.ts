// PUT /api/v1/positions/{positionId} body (spec: Positions).
import { z } from "zod";
import { PIPELINE_KEY_PATTERN } from "../pipelines/pipeline-definition";

const ZPipelineRef = z.string().regex(PIPELINE_KEY_PATTERN, "must be a pipeline key");

export const ZHttpUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2048, "must be at most 2048 characters");

export const ZPositionInput = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(300),
    pipeline: ZPipelineRef.optional(),
    applicationPipeline: ZPipelineRef.optional(),
    seekPositionProfileIds: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
    applyUrl: ZHttpUrl,
  })
  .strict();

export type TPositionInput = z.infer<typeof ZPositionInput>;
