// The mock's executable schema: its SDL (schema.graphql) with DateTime checked as SEEK checks it
// (an RFC 3339 date-time string), so a malformed timestamp fails variable coercion as it would at SEEK.
import fs from "node:fs";
import { buildSchema, GraphQLScalarType, type GraphQLSchema } from "graphql";

export const MOCK_SCHEMA_PATH = new URL("./schema.graphql", import.meta.url);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): string {
  if (typeof value !== "string" || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError("DateTime must be an RFC 3339 date-time string, e.g. 2020-01-01T09:00:00.000Z");
  }
  return value;
}

let cached: GraphQLSchema | undefined;

export function mockSchema(): GraphQLSchema {
  if (cached) return cached;
  const schema = buildSchema(fs.readFileSync(MOCK_SCHEMA_PATH, "utf8"));
  const dateTime = schema.getType("DateTime");
  if (!(dateTime instanceof GraphQLScalarType)) throw new Error("schema.graphql must declare scalar DateTime");
  dateTime.parseValue = parseDateTime;
  dateTime.serialize = parseDateTime;
  cached = schema;
  return schema;
}
