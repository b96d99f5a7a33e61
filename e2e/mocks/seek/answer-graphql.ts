// One POST /graphql request answered as SEEK would, faults aside: required headers, partner token,
// parse, validate (arguments only as variables), coerce variables, execute. Errors come back the way a
// GraphQL server words them: errors[].extensions.code, HTTP 400 before execution, HTTP 200 after.
import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  getVariableValues,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  visit,
} from "graphql";
import { mockSchema } from "./mock-schema";
import { type ResolverContext, rootValue } from "./resolvers";
import type { SignalInput } from "./signal-rules";
import type { TokenCheck } from "./token-issuer";

export type GraphqlRequest = { headers: Record<string, string | string[] | undefined>; body: string };

export type GraphqlAnswer = {
  status: number;
  body: { data?: unknown; errors?: GraphQLFormattedError[] };
  /** the signals of an accepted request (none when it was rejected) */
  accepted: SignalInput[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNAUTHENTICATED_MESSAGES = {
  missing: "Authorization header missing",
  unknown: "Authorization token is invalid",
  expired: "Authorization token has expired",
} as const;

function header(request: GraphqlRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function fail(status: number, code: string, message: string): GraphqlAnswer {
  return { status, body: { errors: [{ message, extensions: { code } }] }, accepted: [] };
}

function failWith(status: number, code: string, errors: readonly GraphQLError[]): GraphqlAnswer {
  return { status, body: { errors: errors.map((e) => ({ ...e.toJSON(), extensions: { code } })) }, accepted: [] };
}

/** SEEK requires every argument as a variable; an inline literal argument is rejected. */
function literalArguments(document: DocumentNode): string[] {
  const found: string[] = [];
  visit(document, {
    Argument(node) {
      if (node.value.kind !== Kind.VARIABLE) found.push(node.name.value);
    },
  });
  return found;
}

type Parsed = { query?: unknown; variables?: unknown; operationName?: unknown };

export async function answerGraphql(
  request: GraphqlRequest,
  auth: (authorization: string | undefined) => TokenCheck,
  context: Omit<ResolverContext, "accept">,
): Promise<GraphqlAnswer> {
  if (!UUID.test(header(request, "x-request-id") ?? "")) {
    return fail(400, "BAD_REQUEST", "X-Request-Id header must be a UUID");
  }
  if (!header(request, "user-agent")) return fail(400, "BAD_REQUEST", "User-Agent header is required");
  const token = auth(header(request, "authorization"));
  if (!token.ok) return fail(200, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGES[token.reason]);

  const parsed = parseBody(request.body);
  if (typeof parsed?.query !== "string") return fail(400, "BAD_REQUEST", "Body must be JSON with a string `query`");
  const operationName = typeof parsed.operationName === "string" ? parsed.operationName : null;
  const variables = (parsed.variables ?? {}) as Record<string, unknown>;

  const checked = checkedDocument(parsed.query);
  if ("failure" in checked) return checked.failure;
  const { document } = checked;
  const schema = mockSchema();
  const operation = getOperationAST(document, operationName);
  if (!operation) return fail(400, "BAD_REQUEST", "Could not determine the operation to run");
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    return fail(400, "BAD_REQUEST", "Subscriptions are not served here");
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return failWith(400, "BAD_USER_INPUT", coerced.errors);

  const accepted: SignalInput[] = [];
  const contextValue: ResolverContext = { ...context, accept: (signals) => accepted.push(...signals) };
  const result = await execute({ schema, document, rootValue, operationName, variableValues: variables, contextValue });
  const body = { data: result.data, ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}) };
  // Copy out of graphql-js's null-prototype objects so records print and compare like plain JSON.
  return { status: 200, body, accepted: JSON.parse(JSON.stringify(accepted)) };
}

// A document is parsed and validated once per query text, as GraphQL servers cache documents: a client
// sends the same few documents over and over, and without the cache the mock's parse + validate was
// most of a one-signal request's cost, a ceiling on any one-request-per-signal sender (bench, #16).
const DOCUMENT_CACHE_SIZE = 64;
const documents = new Map<string, { document: DocumentNode } | { failure: GraphqlAnswer }>();

function checkedDocument(query: string): { document: DocumentNode } | { failure: GraphqlAnswer } {
  const cached = documents.get(query);
  if (cached) return cached;
  const checked = checkDocument(query);
  if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value as string);
  documents.set(query, checked);
  return checked;
}

function checkDocument(query: string): { document: DocumentNode } | { failure: GraphqlAnswer } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { failure: fail(400, "GRAPHQL_PARSE_FAILED", (error as GraphQLError).message) };
  }
  const invalid = validate(mockSchema(), document);
  if (invalid.length > 0) return { failure: failWith(400, "GRAPHQL_VALIDATION_FAILED", invalid) };
  const literals = literalArguments(document);
  if (literals.length > 0) {
    const message = `Arguments must be passed as variables, not inline: ${literals.join(", ")}`;
    return { failure: fail(400, "GRAPHQL_VALIDATION_FAILED", message) };
  }
  return { document };
}

function parseBody(text: string): Parsed | null {
  try {
    return JSON.parse(text) as Parsed;
  } catch {
    return null;
  }
}

/** What a request asked for, for the mock's log (also for requests a fault answered before parsing). */
export function describeGraphqlBody(text: string): {
  operationName: string | null;
  field: string | null;
  variables: unknown;
} {
  const parsed = parseBody(text);
  const operationName = typeof parsed?.operationName === "string" ? parsed.operationName : null;
  let field: string | null = null;
  try {
    const operation = getOperationAST(parse(String(parsed?.query)), operationName);
    const first = operation?.selectionSet.selections[0];
    field = first?.kind === Kind.FIELD ? first.name.value : null;
  } catch {
    // unparseable: the answer says why; the log just has no field
  }
  return { operationName, field, variables: parsed?.variables ?? null };
}
