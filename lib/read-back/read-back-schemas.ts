// The read-back answers' shapes, for the OpenAPI document. The integration tests parse every answer with
// these, so a change to lib/read-back that the document does not describe fails there.
import { z } from "zod";
import { DELIVERY_STATES } from "../delivery-log/delivery-log-filter";
import { ZPipelineDefinition } from "../pipelines/pipeline-definition";

const ZTime = z.iso.datetime({ offset: true });

const ZCurrentStatus = z
  .object({ key: z.string(), label: z.string(), pipelineVersion: z.number().int().nullable(), at: ZTime.nullable() })
  .meta({ id: "CurrentStatus" });

export const ZPipelineView = z
  .object({ key: z.string(), version: z.number().int() })
  .and(ZPipelineDefinition)
  .meta({ id: "Pipeline" });

export const ZPipelineList = z.object({ pipelines: z.array(ZPipelineView), nextCursor: z.string().nullable() });

export const ZPositionView = z
  .object({
    positionId: z.string(),
    title: z.string(),
    pipeline: z.string().nullable(),
    applicationPipeline: z.string().nullable(),
    seekPositionProfileIds: z.array(z.string()),
    applyUrl: z.string(),
    applyLink: z.url().meta({ description: "the URL to give SEEK as the job ad's application URL" }),
    status: ZCurrentStatus.nullable(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .strict()
  .meta({ id: "Position" });

export const ZPositionList = z.object({ positions: z.array(ZPositionView), nextCursor: z.string().nullable() });

export const ZDeliveryErrorView = z
  .object({
    code: z.string(),
    message: z.string().meta({ description: "as the board said it, secrets redacted" }),
    hint: z.string().meta({ description: "what the ATS or hirer can do about it, in plain words" }),
  })
  .meta({ id: "DeliveryError" });

const ZLatestDelivery = z
  .object({
    id: z.string(),
    channel: z.string(),
    kind: z.string(),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    createdAt: ZTime,
    deliveredAt: ZTime.nullable(),
    error: ZDeliveryErrorView.optional().meta({ description: "when the delivery failed, died or expired" }),
  })
  .strict();

export const ZApplicationView = z
  .object({
    applicationId: z.string(),
    positionId: z.string(),
    candidate: z.object({ given: z.string(), family: z.string(), email: z.string().nullable() }).nullable(),
    seekCandidateApplicationProfileId: z.string().nullable(),
    status: ZCurrentStatus.nullable(),
    seekToken: z
      .object({
        held: z.boolean(),
        prefix: z.string().nullable().meta({ description: "the first characters and '…'; never the token" }),
        capturedAt: ZTime.nullable(),
      })
      .strict(),
    completedAt: ZTime.nullable(),
    deliveries: z.array(ZLatestDelivery).meta({ description: "per channel, the latest delivery" }),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .strict()
  .meta({ id: "Application" });

export const ZApplicationList = z.object({
  applications: z.array(ZApplicationView),
  nextCursor: z.string().nullable(),
});
