// The Selection Signals mutations, written as seeds 000 and 002 show them: arguments only as variables,
// nothing selected but the Boolean result. Types are hand-written from SEEK's schema pages
// (docs/decisions/0030-seek-graphql-documents.md); documents.schema.test.ts holds them to the schema.
import { gql } from "@urql/core";

export type SendSignal_PositionInput = { index: number; label: string; total: number };

export type SendSignal_StateInput = {
  phase?: SendSignal_PositionInput;
  status: SendSignal_PositionInput;
  success?: boolean | null;
  timestamp: string;
};

export type SendSignalInput = {
  typeCode: "ApplicationComplete" | "ApplicationStatusUpdate" | "PositionStatusUpdate" | (string & {});
  token?: string;
  candidateApplicationProfileId?: string;
  positionProfileIds?: string[];
  current?: SendSignal_StateInput;
  previous?: SendSignal_StateInput;
  timestamp?: string;
};

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
