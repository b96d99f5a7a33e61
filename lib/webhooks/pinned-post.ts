// One POST to a webhook receiver, connected to the address the URL rules already checked (a custom
// `lookup` returns it), so the name cannot resolve to something else between check and connect (DNS
// rebinding). Redirects are not followed: a 3xx is just an answer that is not 2xx.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./webhook-url-rules";

export type PostResult = { status: number; body: string } | { status: null; error: string };

export function pinnedPost(
  url: URL,
  address: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PostResult> {
  const lookup: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: address.address, family: address.family },
      ]);
    } else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        timeout: options.timeoutMs,
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          // keep at most 4 KB of what the receiver says, for the delivery log
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, 4096) }),
        );
        response.on("error", (error) => resolve({ status: null, error: error.message }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on("error", (error) => resolve({ status: null, error: error.message }));
    request.end(body);
  });
}
