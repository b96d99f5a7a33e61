// Links between the hirer pages. Every link names its organization (`?org=<slug>`), so an admin who
// follows it stays in the organization they were looking at (docs/decisions/0060); for a hirer it is
// always their own. Ids are the ATS's own and may hold any character but whitespace, '/', '?' and '#'.
const q = encodeURIComponent;

export function pipelinesPath(orgSlug: string): string {
  return `/pipelines?org=${q(orgSlug)}`;
}

export function pipelinePath(orgSlug: string, key: string): string {
  return `/pipelines/${q(key)}?org=${q(orgSlug)}`;
}

export function newPipelinePath(plan: {
  organizationSlug: string;
  kind: "application" | "position";
  key: string;
  name: string;
}): string {
  return `${pipelinePath(plan.organizationSlug, plan.key)}&new=${q(plan.kind)}&name=${q(plan.name)}`;
}

export function positionsPath(orgSlug: string): string {
  return `/positions?org=${q(orgSlug)}`;
}

export function positionPath(orgSlug: string, positionId: string): string {
  return `/positions/${q(positionId)}?org=${q(orgSlug)}`;
}

export function applicationPath(orgSlug: string, applicationId: string): string {
  return `/applications/${q(applicationId)}?org=${q(orgSlug)}`;
}
