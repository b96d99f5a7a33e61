// The candidate process history mutations with the selections seed 003 shows: only the item id, from
// the Success or the Conflict side of the create union. Types are hand-written from SEEK's schema.
import { gql } from "@urql/core";

type CodeInput = { code: string };
type PersonInput = {
  name: { formattedName: string; given?: string; family?: string };
  communication: { email: { address: string }[]; phone: { formattedNumber: string }[] };
  roleCode?: string;
};

/** The fields an item carries on create and update (update adds `id`, create adds `idempotencyId`). */
export type CandidateProcessHistoryItemFields = {
  action: CodeInput & { name?: string; description?: string };
  actionDate: string;
  primaryParties: { person?: PersonInput; organization?: { name: string } }[];
  positionProfile?: { profileId: string };
  seekSource?: { name: string };
  status?: CodeInput;
};

export type CreateCandidateProcessHistoryItemInput = {
  candidateProfile: { profileId: string };
  candidateProcessHistoryItem: CandidateProcessHistoryItemFields & { idempotencyId: string };
};
export type UpdateCandidateProcessHistoryItemInput = {
  candidateProcessHistoryItem: CandidateProcessHistoryItemFields & { id: string };
};
export type DeleteCandidateProcessHistoryItemInput = { candidateProcessHistoryItem: { id: string } };

type ItemId = { id: { value: string } };
export type CreateCandidateProcessHistoryItemData = {
  createCandidateProcessHistoryItem:
    | { candidateProcessHistoryItem: ItemId }
    | { conflictingCandidateProcessHistoryItem: ItemId };
};

export const CreateCandidateProcessHistoryItemDocument = gql<
  CreateCandidateProcessHistoryItemData,
  { input: CreateCandidateProcessHistoryItemInput }
>`
  mutation CreateCandidateProcessHistoryItem($input: CreateCandidateProcessHistoryItemInput!) {
    createCandidateProcessHistoryItem(input: $input) {
      ... on CreateCandidateProcessHistoryItemPayload_Success {
        candidateProcessHistoryItem {
          id {
            value
          }
        }
      }
      ... on CreateCandidateProcessHistoryItemPayload_Conflict {
        conflictingCandidateProcessHistoryItem {
          id {
            value
          }
        }
      }
    }
  }
`;

export const UpdateCandidateProcessHistoryItemDocument = gql<
  { updateCandidateProcessHistoryItem: { candidateProcessHistoryItem: ItemId } | null },
  { input: UpdateCandidateProcessHistoryItemInput }
>`
  mutation UpdateCandidateProcessHistoryItem($input: UpdateCandidateProcessHistoryItemInput!) {
    updateCandidateProcessHistoryItem(input: $input) {
      candidateProcessHistoryItem {
        id {
          value
        }
      }
    }
  }
`;

export const DeleteCandidateProcessHistoryItemDocument = gql<
  { deleteCandidateProcessHistoryItem: { candidateProcessHistoryItem: ItemId } | null },
  { input: DeleteCandidateProcessHistoryItemInput }
>`
  mutation DeleteCandidateProcessHistoryItem($input: DeleteCandidateProcessHistoryItemInput!) {
    deleteCandidateProcessHistoryItem(input: $input) {
      candidateProcessHistoryItem {
        id {
          value
        }
      }
    }
  }
`;
