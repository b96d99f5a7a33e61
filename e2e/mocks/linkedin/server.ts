// A LinkedIn stand-in on 127.0.0.1 for tests and local runs: the client-credentials token endpoint, the
// application-notes batch endpoints (PUT batch_update, DELETE batch_delete) checked as strictly as the
// documentation allows, LinkedIn's throttles enforced as a check on the product, fault injection, and a
// log of every request. Steer it in-process (the returned LinkedinMock) or over HTTP (control-routes.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { applyNotesBatch, type BatchAnswer, checkNotesRequest } from "./answer-notes";
import { handleControl } from "./control-routes";
import {
  type EntityErrorRule,
  EntityErrors,
  type LinkedinMockFaults,
  pickRequestFault,
  type RequestFault,
  seededPrng,
  ZLinkedinMockFaults,
} from "./faults";
import { isNotesPath, parseNotesUrl } from "./notes-request";
import { NotesStore, type StoredNote } from "./notes-store";
import { answerTokenRequest, type LinkedinCustomer, TokenIssuer } from "./token-endpoint";
import { LINKEDIN_DOCUMENTED_LIMITS, recordsPerMinute, type UsageLimits, UsageMeter } from "./usage-meter";

export type { LinkedinCustomer } from "./token-endpoint";

export type LinkedinMockOptions = {
  /** 0 (default) picks a free port */
  port?: number;
  seed?: number;
  /** the mock's clock (token expiry, throttle windows, `at` of requests); default Date.now */
  now?: () => number;
  /** the customer applications it knows (default: MOCK_LINKEDIN_CUSTOMER) */
  customers?: LinkedinCustomer[];
  tokenExpiresIn?: number;
  /** its throttle check (default LinkedIn's documented 10,000 records/minute, 100,000 requests/day) */
  limits?: Partial<UsageLimits>;
};

/** One notes request as the mock saw it. */
export type ReceivedNotesRequest = {
  seq: number;
  at: string;
  atMs: number;
  method: string;
  /** path and query exactly as sent */
  url: string;
  requestId: string | null;
  headers: Record<string, string>;
  atsJobApplicationId: string | null;
  integrationContext: string | null;
  /** the ids of the URL, in order */
  ids: string[];
  body: unknown;
  /** the client id whose token was used; null when unauthenticated */
  clientId: string | null;
  fault: RequestFault | null;
  /** null when no answer was sent (hang) */
  httpStatus: number | null;
  /** note ids answered 204, and those answered with an error status */
  succeeded: string[];
  failed: Record<string, number>;
  /** records counted against the per-minute limit (0 when the request was refused before) */
  countedRecords: number;
  /** the mock's own throttle refused it: the product went over a limit */
  throttled: "minute" | "day" | null;
};

export type LinkedinMock = {
  url: string;
  /** LINKEDIN_API_URL */
  apiUrl: string;
  /** LINKEDIN_TOKEN_URL */
  tokenUrl: string;
  /** the first customer: LINKEDIN_CLIENT_ID / _SECRET / _INTEGRATION_CONTEXT */
  customer: LinkedinCustomer;
  customers(): LinkedinCustomer[];
  addCustomer(customer: LinkedinCustomer): void;
  /** merges into the current faults (a `queue` is appended to the pending queue) */
  setFaults(faults: LinkedinMockFaults): void;
  /** errors for single notes inside otherwise successful batches */
  addEntityErrors(rule: EntityErrorRule): void;
  /** every token issued so far stops working now */
  expireTokens(): void;
  /** a live token for a customer, as if fetched (not counted as a token request) */
  issueToken(clientId?: string): string;
  received(): ReceivedNotesRequest[];
  tokenRequests(clientId?: string): number;
  /** records accepted per clock minute, oldest first */
  recordsPerMinute(clientId?: string): { minute: string; records: number }[];
  /** the notes LinkedIn now holds for an application, in the order they were first created */
  notes(atsJobApplicationId: string, integrationContext?: string): StoredNote[];
  /** forgets requests, faults, entity errors, notes and usage; customers and issued tokens stay */
  reset(): void;
  close(): Promise<void>;
};

export const MOCK_LINKEDIN_CUSTOMER: LinkedinCustomer = {
  clientId: "mock-linkedin-client",
  clientSecret: "mock-linkedin-secret-0123456789",
  integrationContext: "urn:li:organization:2414183",
};

const MAX_BODY_BYTES = 5 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "x-restli-protocol-version": "1.0.0" });
  res.end(JSON.stringify(body));
}

/** LinkedIn's error body for a refused request. */
const linkedinError = (status: number, message: string, serviceErrorCode: number) => ({
  message,
  serviceErrorCode,
  status,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function flatHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export async function startLinkedinMock(options: LinkedinMockOptions = {}): Promise<LinkedinMock> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  let customers: LinkedinCustomer[] = [...(options.customers ?? [MOCK_LINKEDIN_CUSTOMER])];
  if (customers.length === 0) throw new Error("the LinkedIn mock needs at least one customer");
  const issuer = new TokenIssuer(now);
  const store = new NotesStore();
  const entityErrors = new EntityErrors();
  const meter = new UsageMeter();
  let faults: LinkedinMockFaults = {};
  let queue: RequestFault[] = [];
  let received: ReceivedNotesRequest[] = [];
  let tokenRequestsBy = new Map<string, number>();
  let random = seededPrng(seed);
  const expiresIn = () => faults.tokenExpiresIn ?? options.tokenExpiresIn ?? 1800;
  const limits = (): UsageLimits => ({
    recordsPerMinute:
      faults.recordsPerMinute ?? options.limits?.recordsPerMinute ?? LINKEDIN_DOCUMENTED_LIMITS.recordsPerMinute,
    requestsPerDay:
      faults.requestsPerDay ?? options.limits?.requestsPerDay ?? LINKEDIN_DOCUMENTED_LIMITS.requestsPerDay,
  });

  async function onToken(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req);
    const clientId = new URLSearchParams(body).get("client_id") ?? "";
    tokenRequestsBy.set(clientId, (tokenRequestsBy.get(clientId) ?? 0) + 1);
    if (random() < (faults.tokenHttp5xx ?? 0)) {
      return sendJson(res, 503, { error: "temporarily_unavailable", error_description: "Try again later" });
    }
    const answer = answerTokenRequest(req.headers["content-type"], body, customers, (id) => ({
      token: issuer.issue(id, expiresIn()),
      expiresIn: expiresIn(),
    }));
    sendJson(res, answer.status, answer.body);
  }

  async function onNotes(req: http.IncomingMessage, res: http.ServerResponse, method: "PUT" | "DELETE") {
    const rawUrl = req.url ?? "/";
    const body = await readBody(req);
    const parsed = parseNotesUrl(rawUrl);
    const atMs = now();
    const record: ReceivedNotesRequest = {
      seq: received.length + 1,
      at: new Date(atMs).toISOString(),
      atMs,
      method,
      url: rawUrl,
      requestId: req.headers["x-request-id"]?.toString() ?? null,
      headers: flatHeaders(req),
      atsJobApplicationId: parsed.ok ? parsed.target.atsJobApplicationId : null,
      integrationContext: parsed.ok ? parsed.target.integrationContext : null,
      ids: parsed.ok ? parsed.target.ids : [],
      body: parseMaybeJson(body),
      clientId: null,
      fault: null,
      httpStatus: null,
      succeeded: [],
      failed: {},
      countedRecords: 0,
      throttled: null,
    };
    received.push(record);
    const answer = (status: number, payload: unknown) => {
      record.httpStatus = status;
      sendJson(res, status, payload);
    };
    if (!parsed.ok) return answer(parsed.status, linkedinError(parsed.status, parsed.message, 100));

    const fault = pickRequestFault(faults, queue, random);
    record.fault = fault;
    if (faults.delayMs) await sleep(faults.delayMs);
    if (fault === "hang") return; // the socket stays open until the client gives up or the mock closes
    if (fault === "http5xx") {
      const status = faults.http5xxStatus ?? 503;
      record.httpStatus = status;
      res.writeHead(status, { "content-type": "text/html" });
      return res.end(`<html><body><h1>${status} Service Unavailable</h1></body></html>`);
    }
    if (fault === "badRequest") {
      return answer(400, linkedinError(400, "Injected: the batch request could not be processed.", 100));
    }
    if (fault === "rateLimited") {
      return answer(429, linkedinError(429, "Throttle limit for calls to this resource is reached.", 101));
    }

    const auth =
      fault === "unauthorized" ? ({ ok: false, reason: "unknown" } as const) : issuer.check(req.headers.authorization);
    if (!auth.ok) {
      const message = auth.reason === "expired" ? "The token used in the request has expired" : "Invalid access token";
      return answer(401, linkedinError(401, message, 65600));
    }
    record.clientId = auth.clientId;
    const customer = customers.find((c) => c.clientId === auth.clientId);
    if (customer?.integrationContext !== parsed.target.integrationContext) {
      const message = `Not enough permissions to access integration context ${parsed.target.integrationContext}`;
      return answer(403, linkedinError(403, message, 100));
    }
    const check = checkNotesRequest(method, parsed.target, req.headers, body);
    if (!check.ok) return answer(check.status, linkedinError(check.status, check.message, 100));

    const usage = meter.take(auth.clientId, parsed.target.ids.length, atMs, limits());
    if (!usage.ok) {
      record.throttled = usage.window;
      const scope = usage.window === "day" ? "DAY" : "MINUTE";
      const message = `Resource level throttle APPLICATION ${scope} limit for calls to this resource is reached.`;
      return answer(429, linkedinError(429, message, 101));
    }
    record.countedRecords = parsed.target.ids.length;
    const batch: BatchAnswer = applyNotesBatch(parsed.target, check.entities, store, entityErrors);
    // In the ids' order: Object.keys would list integer-like ids first.
    record.succeeded = parsed.target.ids.filter((id) => batch.results[id]);
    record.failed = Object.fromEntries(Object.entries(batch.errors).map(([id, e]) => [id, e.status]));
    answer(200, batch);
  }

  const mock = {} as LinkedinMock;
  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const path = rawUrl.split("?")[0] ?? "/";
    const handle = async () => {
      if (req.method === "POST" && path === "/oauth/v2/accessToken") return onToken(req, res);
      if ((req.method === "PUT" || req.method === "DELETE") && isNotesPath(rawUrl)) {
        return onNotes(req, res, req.method);
      }
      if (path.startsWith("/__control/")) {
        return handleControl(mock, req.method ?? "GET", rawUrl, await readBody(req), res);
      }
      sendJson(res, 404, linkedinError(404, `No route for ${req.method} ${path}`, 100));
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, linkedinError(500, String(error), 0));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  Object.assign(mock, {
    url,
    apiUrl: url,
    tokenUrl: `${url}/oauth/v2/accessToken`,
    customer: customers[0]!,
    customers: () => [...customers],
    addCustomer(customer: LinkedinCustomer) {
      customers = [...customers.filter((c) => c.clientId !== customer.clientId), customer];
    },
    setFaults(next: LinkedinMockFaults) {
      const parsed = ZLinkedinMockFaults.parse(next);
      // An empty body clears every fault and the queue ("SEEK is back"); anything else is merged in.
      if (Object.keys(parsed).length === 0) {
        faults = {};
        queue = [];
        return;
      }
      const { queue: more, ...rest } = parsed;
      faults = { ...faults, ...rest };
      queue.push(...(more ?? []));
    },
    addEntityErrors: (rule: EntityErrorRule) => entityErrors.add(rule),
    expireTokens: () => issuer.expireAll(),
    issueToken: (clientId = customers[0]!.clientId) => issuer.issue(clientId, expiresIn()),
    received: () => [...received],
    tokenRequests: (clientId?: string) =>
      clientId === undefined
        ? [...tokenRequestsBy.values()].reduce((a, b) => a + b, 0)
        : (tokenRequestsBy.get(clientId) ?? 0),
    recordsPerMinute: (clientId?: string) =>
      recordsPerMinute(received.filter((r) => clientId === undefined || r.clientId === clientId)),
    notes: (atsJobApplicationId: string, integrationContext = customers[0]!.integrationContext) =>
      store.list(integrationContext, atsJobApplicationId),
    reset() {
      faults = {};
      queue = [];
      received = [];
      tokenRequestsBy = new Map();
      random = seededPrng(seed);
      entityErrors.clear();
      store.clear();
      meter.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  } satisfies LinkedinMock);
  return mock;
}

function parseMaybeJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
