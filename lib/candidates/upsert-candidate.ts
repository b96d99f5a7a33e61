// PUT /api/v1/candidates/{candidateId}: a candidate, and the SEEK candidate profile it was uploaded as.
// Only candidates with a seekCandidateProfileId get process history items (Proactive Sourcing).

import { z } from "zod";
import type { DbTx } from "../db/tx";
import type { Actor, WriteResult } from "../events/write-result";

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
  input: { organizationId: string; candidateId: string; body: TCandidateInput; actor: Actor },
  now: Date = new Date(),
): Promise<WriteResult> {
  const { organizationId, body } = input;
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
    data: { organizationId, type: "CandidateUpserted", candidateId: candidate.id, occurredAt: now, actor: input.actor },
  });
  return { id: event.id, deliveries: [] };
}
