// The HTTP server `npm start` runs: Next's own request handler behind a plain Node server. It exists for
// what a route handler cannot see: the request target before Next re-encodes its query string (the
// seek-token must be stored byte for byte, docs/decisions/0005) and the TCP peer's address (the capture
// rate limit, docs/decisions/0124). stampRequest passes both on in headers a client cannot supply.
import http from "node:http";
import next from "next";
import { answerUndecodablePath, stampRequest } from "./stamp-request.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  stampRequest(request);
  if (answerUndecodablePath(request, response)) return;
  handle(request, response).catch((error) => {
    console.error("[serve] unhandled error", error);
    if (!response.headersSent) response.writeHead(500).end();
  });
});
server.listen(port, hostname, () => {
  console.log(`[signalhouse] ready on http://localhost:${port}${dev ? " (dev)" : ""}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Stop accepting connections, let the inline delivery worker finish or release its in-flight
    // deliveries (it stops claiming on the same signal), then close the database: the hook lives on
    // globalThis because the worker runs in Next's bundle (lib/delivery/run/inline-worker.ts).
    setTimeout(() => process.exit(0), 25_000).unref();
    await new Promise((resolve) => server.close(resolve));
    await globalThis.__signalhouseShutdown?.().catch((error) => console.error("[serve] shutdown", error));
    process.exit(0);
  });
}
