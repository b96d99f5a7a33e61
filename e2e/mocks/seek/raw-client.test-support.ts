// A deliberately plain HTTP client for the mock's own tests: every header and body is spelled out, so a
// test can send exactly the malformed request it means to (the product's client would refuse to).
import { randomUUID } from "node:crypto";
import type { SeekMock } from "./server";

export type RawAnswer = { status: number; headers: Headers; text: string; json: GraphqlBody };
type GraphqlBody = {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; invalidFields?: Record<string, string> };
  }[];
};

export async function fetchToken(mock: SeekMock, overrides: Record<string, unknown> = {}) {
  const response = await fetch(mock.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      audience: mock.credentials.audience,
      client_id: mock.credentials.clientId,
      client_secret: mock.credentials.clientSecret,
      grant_type: "client_credentials",
      ...overrides,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export type RawGraphqlRequest = {
  query: string;
  variables?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export async function postGraphql(mock: SeekMock, request: RawGraphqlRequest): Promise<RawAnswer> {
  const token = request.token === undefined ? mock.issueToken() : request.token;
  const response = await fetch(mock.graphqlUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "mock-test/1.0",
      "x-request-id": randomUUID(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...request.headers,
    },
    body: JSON.stringify({ query: request.query, variables: request.variables }),
    signal: request.signal,
  });
  const text = await response.text();
  let json: GraphqlBody = {};
  try {
    json = JSON.parse(text) as GraphqlBody;
  } catch {
    // non-JSON answers (a 5xx page) keep an empty body
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const SEND_SIGNAL = "mutation ($input: SendSignalInput!) { sendSignal(input: $input) }";
export const SEND_SIGNALS = "mutation ($input: SendSignalsInput!) { sendSignals(input: $input) }";

export function statusSignal(token: string) {
  const state = (index: number) => ({
    status: { label: `Status ${index}`, index, total: 5 },
    phase: { label: "Review", index: 2, total: 4 },
    success: null,
    timestamp: "2020-01-01T09:00:00.000Z",
  });
  return { typeCode: "ApplicationStatusUpdate", token, current: state(3), previous: state(2) };
}
