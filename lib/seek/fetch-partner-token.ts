// One request to SEEK's token endpoint: client credentials with an audience, as JSON (SEEK's partner
// token docs). Errors name what went wrong without the client secret.
import { z } from "zod";
import { type PartnerTokenConfig, PartnerTokenError } from "./partner-token-source";

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", { message: "must be Bearer" }),
});

export type FetchedPartnerToken = { accessToken: string; issuedAt: Date; expiresAt: Date };

export async function fetchPartnerToken(config: PartnerTokenConfig, now: () => Date): Promise<FetchedPartnerToken> {
  const timeout = AbortSignal.timeout(config.timeoutMs ?? 10_000);
  let response: Response;
  let text: string;
  try {
    response = await fetch(config.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        audience: config.audience,
        client_id: config.clientId,
        client_secret: config.clientSecret,
        grant_type: "client_credentials",
      }),
      signal: timeout,
    });
    text = await response.text();
  } catch (error) {
    const reason = timeout.aborted ? "timed out" : error instanceof Error ? error.message : String(error);
    throw new PartnerTokenError("unavailable", `SEEK token endpoint unreachable: ${reason}`);
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    // Wrong client id/secret or audience: retrying will not help until the configuration changes.
    throw new PartnerTokenError(
      "rejected",
      `SEEK token endpoint refused the credentials (HTTP ${response.status}): ${errorText(text)}`,
    );
  }
  if (!response.ok) throw new PartnerTokenError("unavailable", `SEEK token endpoint answered HTTP ${response.status}`);
  const issuedAt = now();
  let body: z.infer<typeof ZTokenResponse>;
  try {
    body = ZTokenResponse.parse(JSON.parse(text));
  } catch {
    throw new PartnerTokenError("unavailable", "SEEK token endpoint answered without a usable Bearer token");
  }
  return { accessToken: body.access_token, issuedAt, expiresAt: new Date(issuedAt.getTime() + body.expires_in * 1000) };
}

/** The OAuth error fields only: an error page could echo the request, secret included. */
function errorText(text: string): string {
  try {
    const { error, error_description } = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    return [error, error_description].filter((v) => typeof v === "string").join(": ") || "no error given";
  } catch {
    return "no error given";
  }
}
