// Plain HTTP calls to the LinkedIn mock for its own tests: what any client would send, without the
// product's channel in between, so the mock's rules are tested on their own.
import type { LinkedinMock } from "./server";

export type RawAnswer = { status: number; headers: Headers; body: any };

async function answerOf(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML error pages stay text
  }
  return { status: response.status, headers: response.headers, body };
}

export async function fetchToken(mock: LinkedinMock, overrides: Record<string, string> = {}, json = false) {
  const fields = {
    grant_type: "client_credentials",
    client_id: mock.customer.clientId,
    client_secret: mock.customer.clientSecret,
    ...overrides,
  };
  const response = await fetch(mock.tokenUrl, {
    method: "POST",
    headers: { "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  return answerOf(response);
}

export function notesPath(application: string, ids: string[], integrationContext: string): string {
  const key = `atsJobApplicationId=${encodeURIComponent(application)}&dataProvider=ATS&integrationContext=${integrationContext}`;
  return `/v2/atsApplications/${key}/notes?${ids.map((id) => `ids=${encodeURIComponent(id)}`).join("&")}`;
}

type NotesCall = {
  token?: string | null;
  application?: string;
  ids: string[];
  integrationContext?: string;
  restliMethod?: string | null;
  /** a raw body (for key order); default built from `entities` */
  body?: string;
  entities?: Record<string, unknown>;
  path?: string;
  signal?: AbortSignal;
};

export async function callNotes(mock: LinkedinMock, method: "PUT" | "DELETE", call: NotesCall): Promise<RawAnswer> {
  const token = call.token === undefined ? mock.issueToken() : call.token;
  const headers: Record<string, string> = { "x-request-id": crypto.randomUUID() };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const restliMethod =
    call.restliMethod === undefined ? (method === "PUT" ? "batch_update" : "batch_delete") : call.restliMethod;
  if (restliMethod !== null) headers["x-restli-method"] = restliMethod;
  let body: string | undefined;
  if (method === "PUT") {
    headers["content-type"] = "application/json";
    body =
      call.body ??
      JSON.stringify({
        entities: call.entities ?? Object.fromEntries(call.ids.map((id) => [id, { note: `note ${id}` }])),
      });
  }
  const path =
    call.path ??
    notesPath(call.application ?? "A1", call.ids, call.integrationContext ?? mock.customer.integrationContext);
  const response = await fetch(`${mock.apiUrl}${path}`, { method, headers, body, signal: call.signal });
  return answerOf(response);
}
