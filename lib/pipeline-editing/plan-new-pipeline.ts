// "New pipeline" on /pipelines: checks the kind, key and name, and that the key is free in the
// organization. Nothing is written yet: the pipeline is created by its first saved version, which the
// editor builds from a template (docs/decisions/0061-new-pipeline-flow.md).
import { z } from "zod";
import { inScope, narrowToOrganization, organizationsInScope, type TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { keyFromLabel } from "../pipelines/key-from-label";
import { PIPELINE_KEY_PATTERN, ZPipelineKind } from "../pipelines/pipeline-definition";

export const ZNewPipelineInput = z
  .object({
    organizationId: z.string().min(1, "Choose an organization").max(100),
    kind: ZPipelineKind,
    name: z.string().trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
    key: z
      .string()
      .trim()
      .max(100, "Use at most 100 characters")
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(
        z
          .string()
          .regex(PIPELINE_KEY_PATTERN, "Use letters, digits, '.', '_' or '-', starting with a letter or digit")
          .optional(),
      ),
  })
  .strict();
export type TNewPipelineInput = z.infer<typeof ZNewPipelineInput>;

export type TNewPipelinePlan = {
  organizationSlug: string;
  kind: "application" | "position";
  key: string;
  name: string;
};

export async function planNewPipeline(db: DbOrTx, scope: TScope, input: TNewPipelineInput): Promise<TNewPipelinePlan> {
  const orgScope = narrowToOrganization(scope, input.organizationId);
  const org = await db.organization.findFirst({
    where: organizationsInScope(orgScope, { id: orgScope.organizationId }),
    select: { slug: true },
  });
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  const key = input.key ?? keyFromLabel(input.name, "pipeline");
  const taken = await db.pipeline.findFirst({ where: inScope(orgScope, { key }), select: { kind: true } });
  if (taken) {
    const message = `The key "${key}" is already used by a ${taken.kind} pipeline`;
    throw new AppError("CONFLICT", `${message}. Choose another key, or open that pipeline.`, [
      { path: ["key"], message },
    ]);
  }
  return { organizationSlug: org.slug, kind: input.kind, key, name: input.name };
}
