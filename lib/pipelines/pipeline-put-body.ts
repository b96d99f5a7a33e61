// The body of PUT /api/v1/pipelines/{key}: the definition, plus where records in a dropped status go.
import { z } from "zod";
import { ZPipelineDefinition } from "./pipeline-definition";

export const ZPipelinePutBody = ZPipelineDefinition.safeExtend({
  moves: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional(),
});
