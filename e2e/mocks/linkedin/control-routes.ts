// The mock's HTTP control surface, so a person running `npm run mock:linkedin` (or an e2e test driving
// the app in another process) can steer it like an in-process test does.
//   POST /__control/faults         body: LinkedinMockFaults (merged; {} clears them all; see faults.ts)
//   POST /__control/entity-errors  body: { "noteIds": ["N2"], "status": 400, "message"?: "…", "times"?: "once"|"always"|n }
//   POST /__control/customers      body: { "clientId", "clientSecret", "integrationContext" } (added or replaced)
//   POST /__control/expire-tokens  every issued token stops working
//   POST /__control/reset          forget requests, faults, entity errors, notes and usage
//   GET  /__control/received       { requests, tokenRequests, recordsPerMinute }
//   GET  /__control/notes?application=<atsJobApplicationId>[&integrationContext=<urn>]   { notes }
import type http from "node:http";
import { z } from "zod";
import type { EntityErrorRule, LinkedinMockFaults } from "./faults";
import type { LinkedinMock } from "./server";

const ZCustomer = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  integrationContext: z.string().min(1),
});

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

export function handleControl(
  mock: LinkedinMock,
  method: string,
  rawUrl: string,
  body: string,
  res: http.ServerResponse,
) {
  const url = new URL(rawUrl, "http://mock");
  const route = `${method} ${url.pathname}`;
  try {
    switch (route) {
      case "POST /__control/faults":
        // setFaults validates with ZLinkedinMockFaults; a bad body answers 400 below.
        mock.setFaults(parseJson(body) as LinkedinMockFaults);
        return reply(res, 200, { ok: true });
      case "POST /__control/entity-errors":
        mock.addEntityErrors(parseJson(body) as EntityErrorRule);
        return reply(res, 200, { ok: true });
      case "POST /__control/customers":
        mock.addCustomer(ZCustomer.parse(parseJson(body)));
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
          tokenRequests: mock.tokenRequests(),
          recordsPerMinute: mock.recordsPerMinute(),
        });
      case "GET /__control/notes": {
        const application = url.searchParams.get("application");
        if (!application) return reply(res, 400, { error: "application is required" });
        const context = url.searchParams.get("integrationContext") ?? undefined;
        return reply(res, 200, { notes: mock.notes(application, context) });
      }
      default:
        return reply(res, 404, { error: `No control route ${route}` });
    }
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues : [];
    return reply(res, 400, { error: error instanceof Error ? error.message : String(error), issues });
  }
}
