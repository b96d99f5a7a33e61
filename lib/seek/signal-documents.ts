// The Selection Signals mutations, written as seeds 000 and 002 show them: arguments only as variables,
// nothing selected but the Boolean result. The input is the SendSignalInput lib/signals builds
// (docs/decisions/0030-seek-graphql-documents.md); documents.schema.test.ts holds them to the schema.
import { gql } from "@urql/core";
import type { SendSignalInput } from "@/lib/signals/build-signal";

export type { SendSignalInput };

/** SEEK accepts at most this many signals in one sendSignals. */
export const MAX_SIGNALS_PER_REQUEST = 100;

export const SendSignalDocument = gql<{ sendSignal: boolean | null }, { input: SendSignalInput }>`
  mutation SendSignal($input: SendSignalInput!) {
    sendSignal(input: $input)
  }
`;

export const SendSignalsDocument = gql<{ sendSignals: boolean | null }, { input: { signals: SendSignalInput[] } }>`
  mutation SendSignals($input: SendSignalsInput!) {
    sendSignals(input: $input)
  }
`;
