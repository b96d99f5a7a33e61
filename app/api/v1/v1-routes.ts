// Every /api/v1 route, for the OpenAPI document (lib/openapi/build-openapi.ts). Adding a route: one line
// here, `{ path: "/api/v1/…/{param}", module: x }` with `import * as x from "./…/route"`;
// test/integration/openapi.int.test.ts fails until it is listed (docs/decisions/0144). Not a route file:
// Next serves only route.ts files.
import type { TV1RouteEntry } from "@/lib/openapi/build-openapi";
import * as applicationComplete from "./applications/[applicationId]/complete/route";
import * as applicationNote from "./applications/[applicationId]/notes/[noteId]/route";
import * as application from "./applications/[applicationId]/route";
import * as applicationStatus from "./applications/[applicationId]/status/route";
import * as applications from "./applications/route";
import * as candidateHistory from "./candidates/[candidateId]/history/[idempotencyId]/route";
import * as candidate from "./candidates/[candidateId]/route";
import * as delivery from "./deliveries/[deliveryId]/route";
import * as deliveries from "./deliveries/route";
import * as organizationKey from "./organizations/[slug]/api-keys/[apiKeyId]/route";
import * as organizationKeys from "./organizations/[slug]/api-keys/route";
import * as organization from "./organizations/[slug]/route";
import * as organizations from "./organizations/route";
import * as pipeline from "./pipelines/[pipelineKey]/route";
import * as pipelines from "./pipelines/route";
import * as portalSessions from "./portal/sessions/route";
import * as portalSettings from "./portal/settings/route";
import * as position from "./positions/[positionId]/route";
import * as positionStatus from "./positions/[positionId]/status/route";
import * as positions from "./positions/route";
import * as statusChanges from "./status-changes/route";
import * as webhook from "./webhooks/[webhookId]/route";
import * as webhooks from "./webhooks/route";

export const V1_ROUTES: readonly TV1RouteEntry[] = [
  { path: "/api/v1/pipelines", module: pipelines },
  { path: "/api/v1/pipelines/{pipelineKey}", module: pipeline },
  { path: "/api/v1/positions", module: positions },
  { path: "/api/v1/positions/{positionId}", module: position },
  { path: "/api/v1/positions/{positionId}/status", module: positionStatus },
  { path: "/api/v1/applications", module: applications },
  { path: "/api/v1/applications/{applicationId}", module: application },
  { path: "/api/v1/applications/{applicationId}/status", module: applicationStatus },
  { path: "/api/v1/applications/{applicationId}/complete", module: applicationComplete },
  { path: "/api/v1/applications/{applicationId}/notes/{noteId}", module: applicationNote },
  { path: "/api/v1/candidates/{candidateId}", module: candidate },
  { path: "/api/v1/candidates/{candidateId}/history/{idempotencyId}", module: candidateHistory },
  { path: "/api/v1/deliveries", module: deliveries },
  { path: "/api/v1/deliveries/{deliveryId}", module: delivery },
  { path: "/api/v1/status-changes", module: statusChanges },
  { path: "/api/v1/webhooks", module: webhooks },
  { path: "/api/v1/webhooks/{webhookId}", module: webhook },
  { path: "/api/v1/organizations", module: organizations },
  { path: "/api/v1/organizations/{slug}", module: organization },
  { path: "/api/v1/organizations/{slug}/api-keys", module: organizationKeys },
  { path: "/api/v1/organizations/{slug}/api-keys/{apiKeyId}", module: organizationKey },
  { path: "/api/v1/portal/settings", module: portalSettings },
  { path: "/api/v1/portal/sessions", module: portalSessions },
];
