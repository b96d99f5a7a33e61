// The candidate process history mutations with the selections seed 003 shows: only the item id, from
// the Success or the Conflict side of the create union. Items are those lib/history builds.
import { gql } from "@urql/core";
import type { HistoryItemFields } from "@/lib/history/build-history-item";

export type CreateCandidateProcessHistoryItemInput = {
  candidateProfile: { profileId: string };
  candidateProcessHistoryItem: HistoryItemFields & { idempotencyId: string };
};
export type UpdateCandidateProcessHistoryItemInput = {
  candidateProcessHistoryItem: HistoryItemFields & { id: string };
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
