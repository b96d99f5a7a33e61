// POST /oauth/token as SEEK's auth server answers it: client credentials with an audience, JSON in and
// out, errors in the OAuth shape ({ error, error_description }).
export type TokenCredentials = { clientId: string; clientSecret: string; audience: string };
export type TokenAnswer = { status: number; body: Record<string, unknown>; ok: boolean };

export function answerTokenRequest(
  bodyText: string,
  expected: TokenCredentials,
  issue: () => { token: string; expiresIn: number },
): TokenAnswer {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(bodyText) as Record<string, unknown>;
  } catch {
    return { status: 400, ok: false, body: { error: "invalid_request", error_description: "Body must be JSON" } };
  }
  if (body.grant_type !== "client_credentials") {
    return { status: 400, ok: false, body: { error: "unsupported_grant_type" } };
  }
  if (body.client_id !== expected.clientId || body.client_secret !== expected.clientSecret) {
    return { status: 401, ok: false, body: { error: "access_denied", error_description: "Unauthorized" } };
  }
  if (body.audience !== expected.audience) {
    return {
      status: 403,
      ok: false,
      body: { error: "access_denied", error_description: `Service not enabled for audience ${String(body.audience)}` },
    };
  }
  const { token, expiresIn } = issue();
  return { status: 200, ok: true, body: { access_token: token, expires_in: expiresIn, token_type: "Bearer" } };
}
