// The mock's HTTP control surface, so a person running `npm run mock:seek` (or an e2e test driving the
// app in another process) can steer it like an in-process test does.
//   POST /__control/faults         body: SeekMockFaults (merged; {} clears them all; see faults.ts)
//   POST /__control/bad-tokens     body: { "tokens": ["…"] } (replaces the set)
//   POST /__control/expire-tokens  every issued partner token stops working
//   POST /__control/reset          forget requests, faults, bad tokens, history
//   GET  /__control/received       { requests, acceptedSignals, tokenRequests, historyItems }
import type http from "node:http";
import { z } from "zod";
import type { SeekMockFaults } from "./faults";
import type { SeekMock } from "./server";

const ZBadTokens = z.strictObject({ tokens: z.array(z.string()) });

function reply(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function handleControl(mock: SeekMock, method: string, path: string, body: string, res: http.ServerResponse) {
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case "POST /__control/faults":
        // setFaults validates with ZSeekMockFaults; a bad body answers 400 below.
        mock.setFaults(parseJson(body) as SeekMockFaults);
        return reply(res, 200, { ok: true });
      case "POST /__control/bad-tokens":
        mock.setBadTokens(ZBadTokens.parse(parseJson(body)).tokens);
        return reply(res, 200, { ok: true });
      case "POST /__control/expire-tokens":
        mock.expireTokens();
        return reply(res, 200, { ok: true });
      case "POST /__control/reset":
        mock.reset();
        return reply(res, 200, { ok: true });
      case "GET /__control/received":
        return reply(res, 200, {
          requests: mock.received(),
          acceptedSignals: mock.acceptedSignals(),
          tokenRequests: mock.tokenRequests(),
          historyItems: mock.historyItems(),
        });
      default:
        return reply(res, 404, { error: `No control route ${route}` });
    }
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues : [];
    return reply(res, 400, { error: error instanceof Error ? error.message : String(error), issues });
  }
}
