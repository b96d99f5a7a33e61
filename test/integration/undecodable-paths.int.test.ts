// Paths that are not valid percent-encoded UTF-8 never reach Next (which would answer a bare 500): the
// guard scripts/serve.mjs runs answers them, over real HTTP, before any route code. (#12: never a 500)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUndecodablePath } from "@/scripts/stamp-request.mjs";

describe("answerUndecodablePath over HTTP", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (answerUndecodablePath(req, res)) return;
      res.writeHead(200).end("reached the app");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("an API path id that does not decode is the contract's 400 naming the path", async () => {
    for (const id of ["A%E0", "A%C3%28", "%FF", "A%ED%A0%80"]) {
      const response = await fetch(`${base}/api/v1/positions/${id}`, { method: "PUT" });
      expect(response.status, id).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(body.error.issues[0].path).toBe("path");
    }
  });

  it("lets every decodable path through, including an escaped percent sign", async () => {
    for (const path of ["/api/v1/positions/50%25off", "/api/v1/positions/JOB-1", "/apply/acme/JOB%20one", "/"]) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).toBe("reached the app");
    }
  });

  it("any other page path that does not decode is a plain 400", async () => {
    const response = await fetch(`${base}/positions/%E0`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("not valid UTF-8");
  });
});
