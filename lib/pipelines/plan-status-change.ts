// What applications and positions share when they move to another status: the checks (the status
// exists in the pipeline's current version; it is not the status they are already in), and the current
// and previous states, each read with the pipeline version it was recorded with. Pure: the versions are
// read before (versionDefinitions), once for a whole batch of changes.
import { AppError } from "../errors/app-error";
import type { StatusAt } from "./pipeline-definition";
import type { TVersionDefinition } from "./version-definitions";

/** Where an application or a position stands now. */
export type CurrentStatus = {
  currentStatusKey: string | null;
  currentVersionId: string | null;
  currentStatusAt: Date | null;
};

export type StatusChangePlan = {
  version: TVersionDefinition;
  current: StatusAt;
  previous?: StatusAt;
};

export function planStatusChange(input: {
  /** the current version of the record's pipeline (currentVersionOf) */
  version: TVersionDefinition;
  /** the versions read for the batch: the one `from` was recorded with must be among them */
  versions: ReadonlyMap<string, TVersionDefinition>;
  organizationId: string;
  statusKey: string;
  occurredAt: Date;
  from: CurrentStatus;
  /** "Application A-1" or "Position P-1", for the messages */
  subject: string;
}): StatusChangePlan {
  const { version, statusKey, from } = input;
  const statuses = version.definition.statuses;
  if (!statuses.some((s) => s.key === statusKey)) {
    throw new AppError("UNPROCESSABLE", `Status "${statusKey}" is not in pipeline "${version.definition.name}".`, [
      { path: "status", message: `expected one of: ${statuses.map((s) => s.key).join(", ")}`, code: "invalid_value" },
    ]);
  }
  // Moving to the status it is already in would tell SEEK nothing new: refused (docs/decisions/0004).
  if (from.currentStatusKey === statusKey && from.currentVersionId === version.versionId) {
    throw new AppError("CONFLICT", `${input.subject} is already in status "${statusKey}".`);
  }
  const current: StatusAt = { pipeline: version.definition, statusKey, occurredAt: input.occurredAt };
  if (!from.currentStatusKey || !from.currentVersionId || !from.currentStatusAt) return { version, current };
  const previousVersion = input.versions.get(from.currentVersionId);
  // an event's version belongs to the organization by construction; missing means the data is broken
  if (!previousVersion)
    throw new Error(`pipeline version ${from.currentVersionId} of ${input.organizationId} is missing`);
  return {
    version,
    current,
    previous: {
      pipeline: previousVersion.definition,
      statusKey: from.currentStatusKey,
      occurredAt: from.currentStatusAt,
    },
  };
}
