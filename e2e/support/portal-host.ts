// A stand-in for the ATS page that embeds the hirer portal: a real HTTP server whose page loads the app's
// /embed.js and mounts the portal link given in `?portal=`, keeping every message the portal posts in
// `window.portalMessages` (and on the page). `npm run demo:host` serves the same page for people.
import http from "node:http";

export type PortalHost = { origin: string; pageFor(portalUrl: string): string; close(): Promise<void> };

/** JSON for inside a <script>: `<` escaped so no value can close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function portalHostPage(appOrigin: string, portalUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <title>Acme ATS · Hiring settings</title>
    <style>body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#eef2f6}header{background:#1f2937;color:#fff;padding:12px 20px}main{max-width:1280px;margin:0 auto;padding:16px}#signalhouse{background:#fff;border-radius:8px;overflow:hidden}#messages{font:12px monospace;color:#475569}</style>
  </head>
  <body>
    <header><strong>Acme ATS</strong> · Hiring settings</header>
    <main>
      <div id="signalhouse"></div>
      <h2>Messages from the portal</h2>
      <ol id="messages"></ol>
    </main>
    <script src="${appOrigin}/embed.js"></script>
    <script>
      window.portalMessages = [];
      Signalhouse.mount(document.getElementById("signalhouse"), {
        url: ${scriptJson(portalUrl)},
        onMessage: function (message) {
          window.portalMessages.push(message);
          var item = document.createElement("li");
          item.textContent = JSON.stringify(message);
          document.getElementById("messages").appendChild(item);
        },
      });
    </script>
  </body>
</html>`;
}

/** Serves the host page on `http://localhost:<port>`: another site than the app on 127.0.0.1. */
export async function startPortalHost(port: number, appOrigin: string): Promise<PortalHost> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const portal = url.searchParams.get("portal");
    if (url.pathname !== "/" || !portal) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Open /?portal=<portal link>");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(portalHostPage(appOrigin, portal));
  });
  // every interface: Chromium may reach "localhost" on ::1 or 127.0.0.1
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const origin = `http://localhost:${port}`;
  return {
    origin,
    pageFor: (portalUrl) => `${origin}/?portal=${encodeURIComponent(portalUrl)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
