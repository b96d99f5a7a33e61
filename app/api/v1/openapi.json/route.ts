// GET /api/v1/openapi.json — the OpenAPI 3.1 document of every /api/v1 route, built from the zod schemas the
// routes validate with (docs/decisions/0144). Served without an API key: it describes the contract, no data.
import { errorResponse } from "@/lib/api/error-response";
import { buildOpenApi } from "@/lib/openapi/build-openapi";
import { V1_ROUTES } from "../v1-routes";

const OPENAPI_PATH = "/api/v1/openapi.json";

let document: ReturnType<typeof buildOpenApi> | undefined;

function openApiDocument() {
  if (!document) {
    const built = buildOpenApi(V1_ROUTES);
    // The document describes itself too, so every /api/v1 route file appears in it.
    built.paths[OPENAPI_PATH] = {
      get: {
        operationId: "getOpenapiJson",
        summary: "This OpenAPI document",
        security: [],
        responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: {} } } } },
      },
    };
    document = built;
  }
  return document;
}

const handler = async (): Promise<Response> => {
  try {
    return Response.json(openApiDocument());
  } catch (error) {
    return errorResponse(error);
  }
};

export const GET = handler;
