// One request to LinkedIn's token endpoint: the OAuth client-credentials grant, form-encoded, with the
// customer application's client id and secret. Errors say what went wrong without the secret.
import { z } from "zod";
import type { LinkedinCredentials } from "./credentials";

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

export type FetchedAccessToken = { accessToken: string; issuedAt: Date; expiresAt: Date };

export type AccessTokenErrorKind = "rejected" | "unavailable";

/** The token endpoint gave no token. Never carries the secret or a token. */
export class LinkedinTokenError extends Error {
  constructor(
    readonly kind: AccessTokenErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "LinkedinTokenError";
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The OAuth error fields only: an error page could echo the request, secret included. */
function oauthError(text: string): string {
  const { error, error_description } = (parseJson(text) ?? {}) as { error?: unknown; error_description?: unknown };
  return [error, error_description].filter((v) => typeof v === "string").join(": ") || "no error given";
}

export async function fetchAccessToken(
  tokenUrl: string,
  credentials: Pick<LinkedinCredentials, "clientId" | "clientSecret">,
  now: Date,
  timeoutMs = 10_000,
): Promise<FetchedAccessToken> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
      signal: timeout,
    });
    text = await response.text();
  } catch (error) {
    const reason = timeout.aborted ? "timed out" : error instanceof Error ? error.message : String(error);
    throw new LinkedinTokenError("unavailable", `LinkedIn token endpoint unreachable: ${reason}`);
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    // Wrong client id or secret: retrying will not help until the configuration changes.
    throw new LinkedinTokenError(
      "rejected",
      `LinkedIn refused client ${credentials.clientId} (HTTP ${response.status}): ${oauthError(text)}`,
    );
  }
  if (!response.ok)
    throw new LinkedinTokenError("unavailable", `LinkedIn token endpoint answered HTTP ${response.status}`);
  const parsed = ZTokenResponse.safeParse(parseJson(text));
  if (!parsed.success) throw new LinkedinTokenError("unavailable", "LinkedIn token endpoint answered without a token");
  return {
    accessToken: parsed.data.access_token,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + parsed.data.expires_in * 1000),
  };
}
