// The OpenAPI document (#14): every /api/v1 route file and every method it exports is in it, it validates
// as OpenAPI 3.1 with a standard validator, and it uses the very schemas the routes validate with.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";

const V1_DIR = join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"];

/** [path, method] of every exported handler of every route.ts under app/api/v1, from the files themselves. */
function routeFileOperations(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const folder = relative(V1_DIR, dir).split(sep).filter(Boolean);
        const path = `/api/v1${folder.map((part) => `/${part.replace(/^\[(.+)\]$/, "{$1}")}`).join("")}`;
        const source = readFileSync(full, "utf8");
        for (const method of METHODS) {
          if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) out.push([path, method]);
        }
      }
    }
  };
  walk(V1_DIR);
  return out.sort();
}

async function fetchDocument() {
  const response = await openapi();
  expect(response.status).toBe(200);
  return (await response.json()) as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
  };
}

describe("GET /api/v1/openapi.json", () => {
  it("lists every method of every /api/v1 route file", async () => {
    const document = await fetchDocument();
    const operations = routeFileOperations();
    expect(operations.length).toBeGreaterThan(15);
    const missing = operations.filter(([path, method]) => !document.paths[path]?.[method.toLowerCase()]);
    // A route missing here: register it in app/api/v1/v1-routes.ts (one line, docs/decisions/0144).
    expect(missing).toEqual([]);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("describes a write with the body schema the route validates with, Idempotency-Key and the error shape", async () => {
    const document = await fetchDocument();
    const put = document.paths["/api/v1/positions/{positionId}"]?.put as Record<string, any>;
    const body = put.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["title", "applyUrl"]));
    expect(put.parameters.map((p: { name: string }) => p.name)).toEqual(["positionId", "Idempotency-Key"]);
    expect(put.responses["202"].content["application/json"].schema.$ref).toBe("#/components/schemas/WriteAccepted");
    expect(put.responses["400"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    const list = document.paths["/api/v1/applications"]?.get as Record<string, any>;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(["positionId", "cursor", "limit"]);
  });
});
