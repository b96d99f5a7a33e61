// The scope a writer takes, for tests that call lib writers directly: one organization, acting as the
// bootstrap API key unless a test names another actor.
import { scopeForApiKey, type TOrganizationScope } from "@/lib/data/scope";

export function orgScope(organizationId: string, actor?: string): TOrganizationScope {
  const scope = scopeForApiKey({ organizationId, apiKeyId: "bootstrap" });
  return actor ? { ...scope, actor } : scope;
}
