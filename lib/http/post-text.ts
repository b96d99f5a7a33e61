// One HTTP POST of a text body through node:http(s), answered with the status, headers and body as text.
// The engine's transport to boards and webhook receivers (docs/decisions/0182): the global fetch (undici's
// WHATWG fetch) costs about a millisecond of CPU more per request than this on our 2-core reference
// machine, in Request/Response objects, web streams and abort plumbing the engine never uses. Channels
// that send one request per delivery (SEEK history, webhooks) spent most of a worker's CPU there.
// Keep-alive: Node's global agents reuse connections. Redirects are not followed (a 3xx is an answer).
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export type TextAnswer = { status: number; headers: Headers; body: string };

export type PostTextOptions = {
  headers: Record<string, string>;
  /** aborts the request (it then rejects with the signal's reason) */
  signal?: AbortSignal;
  /** the longest the connection may sit idle; past it the request rejects */
  idleTimeoutMs?: number;
  /** keep at most this many bytes of the answer's body (the rest is read and dropped) */
  maxBodyBytes?: number;
  /** resolves the host (e.g. to the address a URL rule already checked) */
  lookup?: LookupFunction;
};

/** Rejects, like fetch, when no answer came (network error, abort, idle timeout). */
export function postText(url: URL, body: string, options: PostTextOptions): Promise<TextAnswer> {
  const client = url.protocol === "https:" ? https : http;
  const maxBodyBytes = options.maxBodyBytes ?? Number.POSITIVE_INFINITY;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(body)) },
        signal: options.signal,
        timeout: options.idleTimeoutMs,
        lookup: options.lookup,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept >= maxBodyBytes) return;
          const part = kept + chunk.length > maxBodyBytes ? chunk.subarray(0, maxBodyBytes - kept) : chunk;
          chunks.push(part);
          kept += part.length;
        });
        response.on("end", () => {
          const headers = new Headers();
          const raw = response.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.idleTimeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}
