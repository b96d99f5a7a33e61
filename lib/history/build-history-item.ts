// The CandidateProcessHistoryItem SEEK stores, built at record time (seek-api notes). `communication` is
// sent as empty arrays (SEEK does not display it); placement fields only when given.
export type HistoryItemFields = {
  action: { code: string; name: string; description?: string };
  actionDate: string;
  primaryParties: {
    person: {
      name: { formattedName: string; given: string; family: string };
      communication: { email: never[]; phone: never[] };
    };
  }[];
  positionProfile?: { profileId: string };
  seekSource?: { name: string };
  status?: { code: string };
};

export type HistoryItemSpec = {
  action: { code: string; name: string; description?: string };
  actionDate: Date;
  person: { given: string; family: string };
  positionProfileId?: string;
  seekSource?: string;
  status?: string;
};

export function buildHistoryItem(spec: HistoryItemSpec): HistoryItemFields {
  const { given, family } = spec.person;
  return {
    action: {
      code: spec.action.code,
      name: spec.action.name,
      ...(spec.action.description !== undefined ? { description: spec.action.description } : {}),
    },
    actionDate: spec.actionDate.toISOString(),
    primaryParties: [
      {
        person: {
          name: { formattedName: `${given} ${family.slice(0, 1)}`.trim(), given, family },
          communication: { email: [], phone: [] },
        },
      },
    ],
    ...(spec.positionProfileId && spec.seekSource
      ? { positionProfile: { profileId: spec.positionProfileId }, seekSource: { name: spec.seekSource } }
      : {}),
    ...(spec.status ? { status: { code: spec.status } } : {}),
  };
}

/** Delivery payloads of the seek-history channel. The SEEK item id of updates and deletes is looked up
 *  when sending: it is only known once the create was delivered. */
export type HistoryDeliveryPayload =
  | { operation: "create"; candidateProfileId: string; idempotencyId: string; item: HistoryItemFields }
  | {
      operation: "update";
      candidateProfileId: string;
      idempotencyId: string;
      historyItemId: string;
      item: HistoryItemFields;
    }
  | { operation: "delete"; candidateProfileId: string; idempotencyId: string; historyItemId: string };

/** SEEK wants history reflected within 60 seconds (seed 003). */
export const HISTORY_DEADLINE_MS = 60_000;

export function historyOrderingKey(candidateId: string, idempotencyId: string): string {
  return `history:${candidateId}:${idempotencyId}`;
}
