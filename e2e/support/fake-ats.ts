// A stand-in for the host ATS's own apply form: a real HTTP server on loopback that shows what it received.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAts = { url: string; close(): Promise<void> };

export async function startFakeAts(): Promise<FakeAts> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const capture = url.searchParams.get("sh_capture") ?? "";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>ATS apply</title><h1>Apply for this job</h1><p>Capture: <output id="capture">${capture.replace(/[^\w-]/g, "")}</output></p><p id="query">${url.search.replace(/[<>&"]/g, "")}</p>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
