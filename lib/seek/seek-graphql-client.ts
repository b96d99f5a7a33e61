// The SEEK GraphQL client: @urql/core with fetchExchange only and no cache, and a fetch that adds SEEK's
// request headers and keeps what urql's CombinedError hides (the HTTP status, the raw body, the
// Retry-After header), so every request can be classified and logged. One call, one HTTP request:
// retries are the caller's decision.
import { randomUUID } from "node:crypto";
import {
  type AnyVariables,
  createClient,
  fetchExchange,
  type GraphQLRequest,
  type TypedDocumentNode,
} from "@urql/core";
import { postText } from "@/lib/http/post-text";
import packageJson from "@/package.json";
import type { SeekExchange } from "./classify-seek-response";

export type SeekClientOptions = {
  url: string;
  /** per HTTP request (default 10 s) */
  timeoutMs?: number;
  userAgent?: string;
  /** stable across a logical session; defaults to one per process */
  sessionId?: string;
};

export type SeekCall = {
  /** X-Request-Id of this HTTP request, fresh per request, to record with the attempt */
  requestId: string;
  exchange: SeekExchange;
  /** the JSON body sent, unredacted (redact before logging) */
  requestBody: string | null;
  durationMs: number;
};

export type SeekClient = {
  execute<TData, TVariables extends AnyVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: { token: string; signal?: AbortSignal },
  ): Promise<SeekCall>;
};

export const SEEK_USER_AGENT = `signalhouse/${packageJson.version}`;

const holder = globalThis as unknown as { __signalhouseSeekSessionId?: string };
function processSessionId(): string {
  holder.__signalhouseSeekSessionId ??= randomUUID();
  return holder.__signalhouseSeekSessionId;
}

export function createSeekClient(options: SeekClientOptions): SeekClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const userAgent = options.userAgent ?? SEEK_USER_AGENT;
  const sessionId = options.sessionId ?? processSessionId();
  const client = createClient({ url: options.url, exchanges: [fetchExchange], requestPolicy: "network-only" });

  return {
    async execute(document, variables, { token, signal }) {
      const call: SeekCall = {
        requestId: randomUUID(),
        exchange: { kind: "network", message: "not sent" },
        requestBody: null,
        durationMs: 0,
      };
      const timeout = AbortSignal.timeout(timeoutMs);

      // urql asks for a fetch; this one sends through postText (lib/http/post-text.ts, decision 0182)
      // and hands urql a Response built from what it kept.
      const capturingFetch: typeof fetch = async (input, init) => {
        const headers: Record<string, string> = {};
        new Headers(init?.headers).forEach((value, name) => {
          headers[name] = value;
        });
        Object.assign(headers, {
          authorization: `Bearer ${token}`,
          "x-request-id": call.requestId,
          "x-session-id": sessionId,
          "user-agent": userAgent,
          "accept-language": "en-AU",
          "content-type": "application/json",
        });
        call.requestBody = typeof init?.body === "string" ? init.body : null;
        const signals = [timeout, init?.signal, signal].filter((s): s is AbortSignal => s != null);
        const started = performance.now();
        try {
          const url = new URL(input instanceof Request ? input.url : String(input));
          const answer = await postText(url, call.requestBody ?? "", { headers, signal: AbortSignal.any(signals) });
          call.exchange = { kind: "response", ...answer };
          const nullBody = [101, 204, 205, 304].includes(answer.status);
          return new Response(nullBody ? null : answer.body, { status: answer.status, headers: answer.headers });
        } catch (error) {
          const message = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
          if (timeout.aborted) call.exchange = { kind: "timeout", message: `No answer within ${timeoutMs} ms` };
          else if (signal?.aborted)
            call.exchange = { kind: "aborted", message: "Request aborted before SEEK answered" };
          else call.exchange = { kind: "network", message };
          throw error;
        } finally {
          call.durationMs = Math.round(performance.now() - started);
        }
      };

      // urql turns transport and HTTP errors into result.error; the captured exchange is the truth.
      // The request is made here rather than by client.mutation(), whose key is a hash of the
      // stringified variables: a second stringification of a 100-signal body on every request, ~6% of a
      // draining worker's CPU (docs/decisions/0160), for a key this client (no cache, no dedup) never
      // reads. Each call gets its own key, as each is its own HTTP request.
      const request: GraphQLRequest<unknown, typeof variables> = { key: nextKey(), query: document, variables };
      await client.executeMutation(request, { fetch: capturingFetch }).toPromise();
      return call;
    },
  };
}

let lastKey = 0;
function nextKey(): number {
  lastKey = (lastKey + 1) % Number.MAX_SAFE_INTEGER;
  return lastKey;
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}
