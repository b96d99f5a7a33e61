// A SEEK stand-in on 127.0.0.1 for tests and local runs: the partner token endpoint, the GraphQL
// endpoint (checked against schema.graphql), fault injection, and a log of everything received.
// Steer it in-process (the returned SeekMock) or over HTTP (/__control/*, see control-routes.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { answerGraphql, describeGraphqlBody } from "./answer-graphql";
import { handleControl } from "./control-routes";
import { pickRequestFault, type RequestFault, type SeekMockFaults, ZSeekMockFaults } from "./faults";
import { HistoryStore, type StoredHistoryItem } from "./history-store";
import { type Prng, seededPrng } from "./prng";
import type { SignalInput } from "./signal-rules";
import { answerTokenRequest, type TokenCredentials } from "./token-endpoint";
import { TokenIssuer } from "./token-issuer";

export type SeekMockOptions = Partial<TokenCredentials> & {
  /** 0 (default) picks a free port */
  port?: number;
  seed?: number;
  tokenExpiresIn?: number;
  now?: () => number;
  /**
   * false: keep no request log (received() and acceptedSignals() stay empty; acceptedCount() still
   * counts), so a benchmark can push hundreds of thousands of signals through without the mock growing.
   */
  keepLog?: boolean;
  /** called for every accepted request with its signals and when it arrived (performance.timeOrigin + now()) */
  onAccepted?: (signals: SignalInput[], receivedAtMs: number) => void;
};

/** One GraphQL request as the mock saw it. */
export type ReceivedRequest = {
  seq: number;
  at: string;
  requestId: string | null;
  userAgent: string | null;
  sessionId: string | null;
  acceptLanguage: string | null;
  authorization: string | null;
  operationName: string | null;
  field: string | null;
  variables: unknown;
  fault: RequestFault | null;
  /** null when no answer was sent (hang, lost after acceptance) */
  httpStatus: number | null;
  errorCodes: string[];
  acceptedSignals: SignalInput[];
};

export type SeekMock = {
  url: string;
  graphqlUrl: string;
  tokenUrl: string;
  credentials: TokenCredentials;
  /** merges into the current faults (a `queue` is appended to the pending queue) */
  setFaults(faults: SeekMockFaults): void;
  /** the signals that carry one of these seek-tokens are answered BAD_USER_INPUT (replaces the set) */
  setBadTokens(tokens: Iterable<string>): void;
  /** every partner token issued so far stops working now */
  expireTokens(): void;
  /** a live partner token, as if fetched from the token endpoint (not counted as a token request) */
  issueToken(): string;
  received(): ReceivedRequest[];
  /** every signal SEEK accepted, in order, duplicates included */
  acceptedSignals(): SignalInput[];
  /** how many signals SEEK accepted, duplicates included (counted even when keepLog is false) */
  acceptedCount(): number;
  tokenRequests(): number;
  historyItems(): StoredHistoryItem[];
  /** forgets requests, faults, bad tokens and history, and reseeds; issued tokens stay live */
  reset(): void;
  close(): Promise<void>;
};

export const MOCK_CREDENTIALS: TokenCredentials = {
  clientId: "mock-seek-client",
  clientSecret: "mock-seek-secret-0123456789",
  audience: "https://graphql.seek.com",
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

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export async function startSeekMock(options: SeekMockOptions = {}): Promise<SeekMock> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const credentials: TokenCredentials = {
    clientId: options.clientId ?? MOCK_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? MOCK_CREDENTIALS.clientSecret,
    audience: options.audience ?? MOCK_CREDENTIALS.audience,
  };
  const issuer = new TokenIssuer(now);
  const history = new HistoryStore();
  let faults: SeekMockFaults = {};
  let queue: RequestFault[] = [];
  let badTokens = new Set<string>();
  let received: ReceivedRequest[] = [];
  let tokenRequestCount = 0;
  let acceptedCount = 0;
  const keepLog = options.keepLog ?? true;
  let random: Prng = seededPrng(seed);
  const expiresIn = () => faults.tokenExpiresIn ?? options.tokenExpiresIn ?? 1800;

  async function onToken(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req);
    tokenRequestCount += 1;
    if (random() < (faults.tokenHttp5xx ?? 0)) return sendJson(res, 503, { error: "temporarily_unavailable" });
    const answer = answerTokenRequest(body, credentials, () => ({
      token: issuer.issue(expiresIn()),
      expiresIn: expiresIn(),
    }));
    sendJson(res, answer.status, answer.body);
  }

  async function onGraphql(req: http.IncomingMessage, res: http.ServerResponse) {
    const receivedAtMs = performance.timeOrigin + performance.now();
    const body = await readBody(req);
    const fault = pickRequestFault(faults, queue, random);
    const described = keepLog ? describeGraphqlBody(body) : { operationName: null, field: null, variables: null };
    const record: ReceivedRequest = {
      seq: received.length + 1,
      at: new Date(now()).toISOString(),
      requestId: single(req.headers["x-request-id"]),
      userAgent: single(req.headers["user-agent"]),
      sessionId: single(req.headers["x-session-id"]),
      acceptLanguage: single(req.headers["accept-language"]),
      authorization: single(req.headers.authorization),
      ...described,
      fault,
      httpStatus: null,
      errorCodes: [],
      acceptedSignals: [],
    };
    if (keepLog) received.push(record);
    if (faults.delayMs) await sleep(faults.delayMs);
    if (fault === "hang") return; // the socket stays open until the client gives up or the mock closes
    const answered = (status: number, codes: string[]) => {
      record.httpStatus = status;
      record.errorCodes = codes;
    };
    if (fault === "http5xx") {
      const status = faults.http5xxStatus ?? 503;
      answered(status, []);
      res.writeHead(status, { "content-type": "text/html" });
      return res.end(`<html><body><h1>${status} Service Unavailable</h1></body></html>`);
    }
    if (fault === "rateLimited" || fault === "rateLimitedWithoutRetryAfter") {
      const retryAfter: Record<string, string> =
        fault === "rateLimited" ? { "retry-after": String(faults.retryAfterSeconds ?? 2) } : {};
      answered(429, ["TOO_MANY_REQUESTS"]);
      const error = { message: "Too many requests", extensions: { code: "TOO_MANY_REQUESTS" } };
      return sendJson(res, 429, { errors: [error] }, retryAfter);
    }
    if (fault === "internalError") {
      answered(200, ["INTERNAL_SERVER_ERROR"]);
      const error = { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      return sendJson(res, 200, { data: null, errors: [error] });
    }
    const answer = await answerGraphql({ headers: req.headers, body }, (auth) => issuer.check(auth), {
      badTokens,
      forbidden: faults.forbidden,
      badInputWithoutPath: faults.badInputWithoutPath ?? false,
      history,
    });
    if (keepLog) record.acceptedSignals = answer.accepted;
    acceptedCount += answer.accepted.length;
    if (answer.accepted.length > 0) options.onAccepted?.(answer.accepted, receivedAtMs);
    const codes = (answer.body.errors ?? []).map((e) => String(e.extensions?.code ?? "UNKNOWN"));
    if (fault === "lostAfterAcceptance") {
      record.errorCodes = codes;
      req.socket.destroy();
      return;
    }
    answered(answer.status, codes);
    sendJson(res, answer.status, answer.body);
  }

  const mock = {} as SeekMock;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://mock").pathname;
    const handle = async () => {
      if (req.method === "POST" && path === "/oauth/token") return onToken(req, res);
      if (req.method === "POST" && path === "/graphql") return onGraphql(req, res);
      if (path.startsWith("/__control/"))
        return handleControl(mock, req.method ?? "GET", path, await readBody(req), res);
      sendJson(res, 404, { error: `No route for ${req.method} ${path}` });
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  Object.assign(mock, {
    url,
    graphqlUrl: `${url}/graphql`,
    tokenUrl: `${url}/oauth/token`,
    credentials,
    setFaults(next: SeekMockFaults) {
      const parsed = ZSeekMockFaults.parse(next);
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
    setBadTokens(tokens: Iterable<string>) {
      badTokens = new Set(tokens);
    },
    expireTokens: () => issuer.expireAll(),
    issueToken: () => issuer.issue(expiresIn()),
    received: () => [...received],
    acceptedSignals: () => received.flatMap((r) => r.acceptedSignals),
    acceptedCount: () => acceptedCount,
    tokenRequests: () => tokenRequestCount,
    historyItems: () => history.all(),
    reset() {
      faults = {};
      queue = [];
      badTokens = new Set();
      received = [];
      tokenRequestCount = 0;
      acceptedCount = 0;
      random = seededPrng(seed);
      history.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  } satisfies SeekMock);
  return mock;
}
