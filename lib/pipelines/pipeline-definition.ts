// A pipeline as the API and the editor exchange it (spec: PUT /api/v1/pipelines/{pipelineKey}).
// Order in the arrays is the order of the process. Stored verbatim in PipelineVersion.definition.
import { z } from "zod";

export const PIPELINE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ZKey = z
  .string()
  .regex(PIPELINE_KEY_PATTERN, "use 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit");
const ZLabel = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** CandidateWorkflowTransition status codes from SEEK's interaction-history guidance (seed 003). */
export const SEEK_HISTORY_STATUS_CODES = [
  "Application",
  "AgencyShortlist",
  "AgencySubmission",
  "HirerShortlist",
  "Interview",
  "TestingOrQualificationsCheck",
  "ReferenceCheck",
  "Offer",
  "Successful",
  "Unsuccessful",
] as const;
export const ZSeekHistoryStatusCode = z.enum(SEEK_HISTORY_STATUS_CODES);

export const ZPhase = z.object({ key: ZKey, label: ZLabel }).strict();

export const ZStatus = z
  .object({
    key: ZKey,
    label: ZLabel,
    phase: ZKey.optional(),
    /** true: placed / filled; false: final without success; null: not final */
    success: z.boolean().nullable(),
    /** Which SEEK CandidateWorkflowTransition status this corresponds to (interaction history); none when unset. */
    seekHistoryStatus: ZSeekHistoryStatusCode.nullable().optional(),
  })
  .strict();

export const ZPipelineKind = z.enum(["application", "position"]);

/**
 * Rules that would make SEEK receive something invalid are errors here; modelling advice is the
 * linter's job (lib/pipelines/lint-pipeline.ts) and never blocks a save.
 */
export const ZPipelineDefinition = z
  .object({
    name: ZLabel,
    kind: ZPipelineKind,
    phases: z.array(ZPhase).max(100).optional(),
    statuses: z.array(ZStatus).min(1, "a pipeline needs at least one status").max(500),
  })
  .strict()
  .superRefine((pipeline, ctx) => {
    const seen = new Set<string>();
    pipeline.statuses.forEach((status, i) => {
      if (seen.has(status.key)) {
        ctx.addIssue({ code: "custom", path: ["statuses", i, "key"], message: `duplicate status key "${status.key}"` });
      }
      seen.add(status.key);
    });
    const phaseKeys = new Set<string>();
    (pipeline.phases ?? []).forEach((phase, i) => {
      if (phaseKeys.has(phase.key)) {
        ctx.addIssue({ code: "custom", path: ["phases", i, "key"], message: `duplicate phase key "${phase.key}"` });
      }
      phaseKeys.add(phase.key);
    });
    const hasPhases = (pipeline.phases?.length ?? 0) > 0;
    pipeline.statuses.forEach((status, i) => {
      if (hasPhases && !status.phase) {
        ctx.addIssue({
          code: "custom",
          path: ["statuses", i, "phase"],
          message: "every status must name a phase when phases are present",
        });
      } else if (status.phase && !phaseKeys.has(status.phase)) {
        ctx.addIssue({ code: "custom", path: ["statuses", i, "phase"], message: `unknown phase "${status.phase}"` });
      }
    });
  });

export type TPipelineDefinition = z.infer<typeof ZPipelineDefinition>;
export type TPipelineStatus = z.infer<typeof ZStatus>;
export type TPipelinePhase = z.infer<typeof ZPhase>;
export type TPipelineKind = z.infer<typeof ZPipelineKind>;

/** A status of a pipeline at a moment: what a status signal reports as `current` or `previous`. */
export type StatusAt = { pipeline: TPipelineDefinition; statusKey: string; occurredAt: Date };
