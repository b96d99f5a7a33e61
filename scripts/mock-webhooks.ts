// npm run mock:webhooks [-- --port 4466]: a Standard Webhooks receiver a person can point a webhook at
// and steer over HTTP (see e2e/mocks/webhooks/server.ts).
import { parseArgs } from "node:util";
import { startWebhookReceiver } from "../e2e/mocks/webhooks/server";

const { values } = parseArgs({ options: { port: { type: "string" } }, strict: true });
const port = Number(values.port ?? process.env.MOCK_WEBHOOKS_PORT ?? 4466);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, got ${port}`);

const receiver = await startWebhookReceiver({ port });
console.log(`Webhook receiver listening on ${receiver.url}. Start the app with

  SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true

(the receiver is on loopback), register it and give the receiver the secret from the 201:

  curl -X PUT localhost:3000/api/v1/webhooks/local -H 'Authorization: Bearer <api key>' \\
    -H 'Content-Type: application/json' -d '{"url":"${receiver.url}/hooks","events":["delivery.failed","delivery.dead","delivery.expired","deadline.missed"]}'
  curl -X POST ${receiver.url}/__control/secret -d '{"secret":"whsec_..."}'

Steer it:
  curl -X POST ${receiver.url}/__control/faults -d '{"status":503,"count":2}'
  curl ${receiver.url}/__control/received
  curl -X POST ${receiver.url}/__control/reset
`);
