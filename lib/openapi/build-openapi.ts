// Builds the OpenAPI 3.1 document of /api/v1 from the route handlers themselves: every v1Read / v1Write
// handler carries the zod schemas it validates with (handler.v1, lib/api/v1-route.ts), so the document
// cannot drift from what the routes accept (docs/decisions/0144). zod 4 writes JSON Schema draft 2020-12,
// which is OpenAPI 3.1's schema dialect; named schemas (`.meta({ id })`) become components.
import { z } from "zod";
import type { V1Handler } from "../api/v1-route";
import { ZErrorBody, ZWriteAccepted } from "./common-responses";

export type TV1RouteModule = Partial<Record<(typeof METHODS)[number], unknown>>;
export type TV1RouteEntry = { path: string; module: TV1RouteModule };

const METHODS = ["GET", "PUT", "POST", "PATCH", "DELETE"] as const;

type TJsonSchema = { [key: string]: unknown };
type TComponents = Record<string, TJsonSchema>;

const COMPONENT_REF = "#/components/schemas/";

/** Moves `$defs` into components and points every `$ref` at them. */
function hoist(schema: TJsonSchema, components: TComponents): TJsonSchema {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    const out: TJsonSchema = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/$defs/")) {
        out[key] = COMPONENT_REF + inner.slice("#/$defs/".length);
      } else out[key] = rewrite(inner);
    }
    return out;
  };
  const { $schema: _dialect, $defs, ...rest } = schema;
  for (const [id, def] of Object.entries(($defs ?? {}) as TComponents)) {
    components[id] ??= rewrite(def) as TJsonSchema;
  }
  return rewrite(rest) as TJsonSchema;
}

function jsonSchema(schema: z.ZodType, io: "input" | "output", components: TComponents): TJsonSchema {
  return hoist(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as TJsonSchema, components);
}

function objectProperties(schema: TJsonSchema): { properties: Record<string, TJsonSchema>; required: string[] } {
  return {
    properties: (schema.properties ?? {}) as Record<string, TJsonSchema>,
    required: (schema.required ?? []) as string[],
  };
}

const ERROR_RESPONSE = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `${COMPONENT_REF}Error` } } },
});

function operation(method: string, path: string, handler: V1Handler, components: TComponents) {
  const { kind, params, query, body, doc } = handler.v1;
  const parameters: unknown[] = [];
  const pathSchema = objectProperties(jsonSchema(params, "input", components));
  for (const name of path.match(/\{([^}]+)\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
    parameters.push({ name, in: "path", required: true, schema: pathSchema.properties[name] ?? { type: "string" } });
  }
  if (query) {
    const querySchema = objectProperties(jsonSchema(query, "input", components));
    for (const [name, schema] of Object.entries(querySchema.properties)) {
      parameters.push({ name, in: "query", required: querySchema.required.includes(name), schema });
    }
  }
  if (kind === "write") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "A repeat with the same key and body answers the first response; a different body is 422.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  const status = String(doc?.status ?? (kind === "write" ? 202 : 200));
  const response = doc?.response ?? (kind === "write" ? ZWriteAccepted : undefined);
  const errors: Record<string, unknown> = {
    "400": ERROR_RESPONSE("Malformed request: `issues` name each field at fault"),
    "401": ERROR_RESPONSE("Missing or unknown API key"),
    "403": ERROR_RESPONSE("The key may not use this route"),
    "404": ERROR_RESPONSE("Unknown id (or another organization's)"),
    "429": ERROR_RESPONSE("Too many requests; see Retry-After"),
  };
  if (kind === "write") {
    errors["409"] = ERROR_RESPONSE("Conflict with the stored state");
    errors["422"] = ERROR_RESPONSE("Valid JSON that breaks a rule");
  }
  return {
    operationId: `${method.toLowerCase()}${path.replace(/^\/api\/v1/, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: doc?.summary ?? `${method} ${path}`,
    ...(doc?.public
      ? { security: [] }
      : doc?.partner
        ? { security: [{ partnerKey: [] }] }
        : doc?.eitherKey
          ? { security: [{ bearer: [] }, { partnerKey: [] }] }
          : {}),
    parameters,
    ...(body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(body, "input", components) } },
          },
        }
      : {}),
    responses: {
      ...(doc?.mayCreate
        ? {
            "201": {
              description: "Created",
              ...(response
                ? { content: { "application/json": { schema: jsonSchema(response, "output", components) } } }
                : {}),
            },
          }
        : {}),
      [status]: {
        description: doc?.partner
          ? "OK"
          : kind === "write"
            ? "Accepted: the event and its outbox rows are committed"
            : "OK",
        ...(response
          ? { content: { "application/json": { schema: jsonSchema(response, "output", components) } } }
          : {}),
      },
      ...errors,
    },
  };
}

function isV1Handler(value: unknown): value is V1Handler {
  return typeof value === "function" && typeof (value as { v1?: unknown }).v1 === "object";
}

/** The document for the given routes. A method exported without a v1 spec is an error, not a silent gap. */
export function buildOpenApi(routes: readonly TV1RouteEntry[]) {
  const components: TComponents = {};
  hoist(z.toJSONSchema(ZErrorBody, { io: "output" }) as TJsonSchema, components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { path, module } of routes) {
    for (const method of METHODS) {
      const handler = module[method];
      if (handler === undefined) continue;
      if (!isV1Handler(handler)) throw new Error(`${method} ${path} has no v1 spec: build it with v1Read / v1Write`);
      paths[path] ??= {};
      paths[path][method.toLowerCase()] = operation(method, path, handler, components);
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Signalhouse API",
      version: "1",
      description:
        "The contract with the host ATS. Every request acts for the organization of its API key (partner keys for partner routes). Errors are `{ error: { code, message, issues } }`; bad input is never a 500.",
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An organization's API key: `Bearer sh_…`" },
        partnerKey: {
          type: "http",
          scheme: "bearer",
          description: "A partner key (SIGNALHOUSE_PARTNER_API_KEY or one made on the admin API keys page)",
        },
      },
      schemas: components,
    },
  };
}
