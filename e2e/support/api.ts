// Calls the v1 API as the host ATS does, with the bootstrap key the e2e server was started with.
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "../e2e-env";

export function v1(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${E2E.bootstrapKey}`, "content-type": "application/json" };
  return {
    put: (path: string, data: unknown) => request.put(`/api/v1${path}`, { headers, data }),
    post: (path: string, data: unknown) => request.post(`/api/v1${path}`, { headers, data }),
    get: (path: string) => request.get(`/api/v1${path}`, { headers }),
  };
}
