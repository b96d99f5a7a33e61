// npm run demo:host: an example ATS page that embeds the hirer portal of a running Signalhouse, so a
// newcomer sees it work. Each visit asks the app for a fresh single-use link (as an ATS does when its
// user opens the page) and mounts it with /embed.js. The page is served on localhost and the app is
// reached on 127.0.0.1: two sites, as in production, so the third-party-cookie rules really apply.
//
//   SIGNALHOUSE_BOOTSTRAP_API_KEY=sh_local_bootstrap_key_change_me npm start      (one terminal)
//   SIGNALHOUSE_API_KEY=sh_local_bootstrap_key_change_me npm run demo:host        (another)
//
// Options: --port 4300 (the ATS page), --app http://127.0.0.1:3000, --role hirer|viewer, --page /pipelines
import http from "node:http";
import { parseArgs } from "node:util";
import { portalHostPage } from "../e2e/support/portal-host";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4300" },
    app: { type: "string", default: `http://127.0.0.1:${process.env.PORT ?? "3000"}` },
    role: { type: "string", default: "hirer" },
    page: { type: "string", default: "/pipelines" },
  },
});
const port = Number(values.port);
const app = new URL(values.app).origin;
const key = process.env.SIGNALHOUSE_API_KEY ?? process.env.SIGNALHOUSE_BOOTSTRAP_API_KEY;
if (!key) {
  console.error("Set SIGNALHOUSE_API_KEY to an organization API key of the running app (or its bootstrap key).");
  process.exit(2);
}
const hostOrigin = `http://localhost:${port}`;

async function api(method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${app}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { error?: { message: string } };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${answer.error?.message ?? ""}`);
  return answer;
}

await api("PUT", "/portal/settings", { allowedOrigins: [hostOrigin], accentColor: "#0f766e" });

const server = http.createServer((request, response) => {
  if (request.url !== "/") {
    response.writeHead(404).end();
    return;
  }
  api("POST", "/portal/sessions", {
    user: { id: "demo-user", name: "Demo Hirer", email: "demo@acme.example" },
    role: values.role,
    page: values.page,
    expiresInSeconds: 60,
  })
    .then((session) => {
      const { url } = session as { url: string };
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(portalHostPage(app, url));
    })
    .catch((error: Error) => {
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end(error.message);
    });
});
server.listen(port, () => {
  console.log(
    `[demo:host] the example ATS page: ${hostOrigin}  (portal from ${app}, allowed origin set to ${hostOrigin})`,
  );
});
