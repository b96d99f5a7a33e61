// npm run mock:linkedin [-- --port 4466 --seed 1 --expires-in 1800]: the LinkedIn mock as a standalone
// server a person can point the app at and steer over HTTP (see e2e/mocks/linkedin/control-routes.ts).
import { parseArgs } from "node:util";
import { startLinkedinMock } from "../e2e/mocks/linkedin/server";

const { values } = parseArgs({
  options: { port: { type: "string" }, seed: { type: "string" }, "expires-in": { type: "string" } },
  strict: true,
});
const port = Number(values.port ?? process.env.MOCK_LINKEDIN_PORT ?? 4466);
const seed = Number(values.seed ?? 1);
const expiresIn = Number(values["expires-in"] ?? 1800);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${port}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
if (!Number.isInteger(expiresIn) || expiresIn < 1) throw new Error(`--expires-in must be seconds, got ${expiresIn}`);

const mock = await startLinkedinMock({ port, seed, tokenExpiresIn: expiresIn });
const { customer } = mock;
console.log(`LinkedIn mock listening on ${mock.url} (seed ${seed}). Point the app at it with:

  LINKEDIN_API_URL=${mock.apiUrl}
  LINKEDIN_TOKEN_URL=${mock.tokenUrl}
  LINKEDIN_CLIENT_ID=${customer.clientId}
  LINKEDIN_CLIENT_SECRET=${customer.clientSecret}
  LINKEDIN_INTEGRATION_CONTEXT=${customer.integrationContext}

Steer it:
  curl -X POST ${mock.url}/__control/faults -d '{"http5xx":0.2,"rateLimited":0.1,"delayMs":500}'
  curl -X POST ${mock.url}/__control/faults -d '{"queue":["rateLimited","http5xx","unauthorized"]}'
  curl -X POST ${mock.url}/__control/faults -d '{"recordsPerMinute":500,"requestsPerDay":50,"tokenExpiresIn":120}'
  curl -X POST ${mock.url}/__control/entity-errors -d '{"noteIds":["N2"],"status":400,"times":"always"}'
  curl -X POST ${mock.url}/__control/customers -d '{"clientId":"…","clientSecret":"…","integrationContext":"urn:li:organization:…"}'
  curl -X POST ${mock.url}/__control/expire-tokens
  curl -X POST ${mock.url}/__control/reset
  curl ${mock.url}/__control/received
  curl '${mock.url}/__control/notes?application=<atsJobApplicationId>'
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void mock.close().then(() => process.exit(0));
  });
}
