// PUT /api/v1/candidates/{candidateId}: a candidate, and the SEEK candidate profile it was uploaded as.
// Only candidates with a seekCandidateProfileId get process history items (Proactive Sourcing).

import { z } from "zod";
import type { TOrganizationScope } from "../data/scope";
import type { DbTx } from "../db/tx";
import type { WriteResult } from "../events/write-result";

export const ZCandidateInput = z
  .object({
    seekCandidateProfileId: z.string().trim().min(1).max(300).optional(),
    name: z.object({ given: z.string().trim().min(1).max(200), family: z.string().trim().min(1).max(200) }).strict(),
    email: z.email().max(320).optional(),
  })
  .strict();
export type TCandidateInput = z.infer<typeof ZCandidateInput>;

export async function upsertCandidate(
  tx: DbTx,
  scope: TOrganizationScope,
  input: { candidateId: string; body: TCandidateInput },
  now: Date = new Date(),
): Promise<WriteResult> {
  // The candidate's unique key is (organization, id): the upsert creates in, and finds within, the scope's.
  const { organizationId } = scope;
  const { body } = input;
  const fields = {
    givenName: body.name.given,
    familyName: body.name.family,
    ...(body.email ? { email: body.email } : {}),
    ...(body.seekCandidateProfileId ? { seekCandidateProfileId: body.seekCandidateProfileId } : {}),
  };
  const candidate = await tx.candidate.upsert({
    where: { organizationId_externalId: { organizationId, externalId: input.candidateId } },
    create: { organizationId, externalId: input.candidateId, ...fields },
    update: fields,
  });
  const event = await tx.event.create({
    data: { organizationId, type: "CandidateUpserted", candidateId: candidate.id, occurredAt: now, actor: scope.actor },
  });
  return { id: event.id, deliveries: [] };
}
