// npm run mock:seek [-- --port 4455 --seed 1]: the SEEK mock as a standalone server a person can point
// the app at and steer over HTTP (see e2e/mocks/seek/control-routes.ts).
import { parseArgs } from "node:util";
import { startSeekMock } from "../e2e/mocks/seek/server";

const { values } = parseArgs({
  options: { port: { type: "string" }, seed: { type: "string" } },
  strict: true,
});
const port = Number(values.port ?? process.env.MOCK_SEEK_PORT ?? 4455);
const seed = Number(values.seed ?? 1);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${port}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);

const mock = await startSeekMock({ port, seed });
console.log(`SEEK mock listening on ${mock.url} (seed ${seed}). Point the app at it with:

  SEEK_GRAPHQL_URL=${mock.graphqlUrl}
  SEEK_TOKEN_URL=${mock.tokenUrl}
  SEEK_TOKEN_AUDIENCE=${mock.credentials.audience}
  SEEK_CLIENT_ID=${mock.credentials.clientId}
  SEEK_CLIENT_SECRET=${mock.credentials.clientSecret}

Steer it:
  curl -X POST ${mock.url}/__control/faults -d '{"http5xx":0.2,"rateLimited":0.1,"retryAfterSeconds":5}'
  curl -X POST ${mock.url}/__control/bad-tokens -d '{"tokens":["<seek-token>"]}'
  curl -X POST ${mock.url}/__control/expire-tokens
  curl -X POST ${mock.url}/__control/reset
  curl ${mock.url}/__control/received
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void mock.close().then(() => process.exit(0));
  });
}
