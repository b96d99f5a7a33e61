// One POST to a webhook receiver, connected to the address the URL rules already checked (a custom
// `lookup` returns it), so the name cannot resolve to something else between check and connect (DNS
// rebinding). Redirects are not followed: a 3xx is just an answer that is not 2xx.
import type { LookupFunction } from "node:net";
import { postText } from "../http/post-text";
import type { ResolvedAddress } from "./webhook-url-rules";

export type PostResult = { status: number; body: string } | { status: null; error: string };

/** keep at most 4 KB of what the receiver says, for the delivery log */
const KEPT_BODY_BYTES = 4096;

export async function pinnedPost(
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
  try {
    const answer = await postText(url, body, {
      headers: { ...headers, "content-type": "application/json" },
      idleTimeoutMs: options.timeoutMs,
      signal: options.signal,
      lookup,
      maxBodyBytes: KEPT_BODY_BYTES,
    });
    return { status: answer.status, body: answer.body };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message : String(error) };
  }
}
