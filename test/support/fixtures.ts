// Pipelines used across API tests.
import { type TPipelineDefinition, ZPipelineDefinition } from "@/lib/pipelines/pipeline-definition";

export const twoLevelApplicationPipeline: TPipelineDefinition = ZPipelineDefinition.parse({
  name: "Standard hiring",
  kind: "application",
  phases: [
    { key: "screen", label: "Screening" },
    { key: "interview", label: "Interview" },
    { key: "hired", label: "Hired" },
  ],
  statuses: [
    { key: "new", label: "New", phase: "screen", success: null },
    { key: "shortlist", label: "Shortlist", phase: "screen", success: null },
    { key: "phone", label: "Phone screen", phase: "interview", success: null },
    { key: "first", label: "First interview", phase: "interview", success: null },
    { key: "declined", label: "Offer declined", phase: "interview", success: false },
    { key: "placed", label: "Hired", phase: "hired", success: true },
  ],
});

export const flatPositionPipeline: TPipelineDefinition = ZPipelineDefinition.parse({
  name: "Position lifecycle",
  kind: "position",
  statuses: [
    { key: "open", label: "Open", success: null },
    { key: "review", label: "Review", success: null },
    { key: "filled", label: "Filled", success: true },
    { key: "withdrawn", label: "Withdrawn", success: false },
  ],
});

/** An application pipeline whose "new" and "offer" are mapped to SEEK history statuses; "chat" is not. */
export const mappedPipeline = ZPipelineDefinition.parse({
  name: "Mapped",
  kind: "application",
  statuses: [
    { key: "new", label: "New", success: null, seekHistoryStatus: "Application" },
    { key: "chat", label: "Coffee chat", success: null },
    { key: "offer", label: "Initial offer", success: null, seekHistoryStatus: "Offer" },
  ],
});
