// LinkedIn's remaining daily request budget (100,000 requests per UTC day per LinkedIn application) for
// each organization the caller sees, for the deliveries page. The numbers come from the throttle's own
// counters (lib/linkedin/throttle.ts remainingDailyBudget), so the page shows what the senders enforce.
// Organizations sharing one LinkedIn client id share one budget: each of them shows the same numbers.
import type { TScope } from "../data/scope";
import type { Db } from "../db/client";
import { remainingDailyBudget } from "../linkedin/throttle";
import { listOrganizations } from "../organizations/list-organizations";

export type TLinkedinBudgetRow = {
  organizationId: string;
  organizationName: string;
  clientId: string;
  limit: number;
  used: number;
  remaining: number;
  resetsAt: string;
};

export type TLinkedinBudgets = {
  configured: TLinkedinBudgetRow[];
  /** organizations with some LinkedIn settings but not a usable set (their notes wait as retries) */
  incomplete: { organizationId: string; organizationName: string }[];
  /** organizations without LinkedIn at all */
  notConfiguredCount: number;
};

export async function listLinkedinBudgets(
  db: Db,
  scope: TScope,
  options: Parameters<typeof remainingDailyBudget>[2] = {},
): Promise<TLinkedinBudgets> {
  const organizations = await listOrganizations(db, scope);
  const result: TLinkedinBudgets = { configured: [], incomplete: [], notConfiguredCount: 0 };
  // One organization at a time: a handful of small reads each, and PGlite has one connection anyway.
  for (const org of organizations) {
    const budget = await remainingDailyBudget(db, org.id, options);
    if (budget) {
      result.configured.push({
        organizationId: org.id,
        organizationName: org.name,
        clientId: budget.clientId,
        limit: budget.limit,
        used: budget.used,
        remaining: budget.remaining,
        resetsAt: budget.resetsAt.toISOString(),
      });
    } else if (org.linkedinClientId || org.linkedinIntegrationContext || org.linkedinClientSecretSet) {
      result.incomplete.push({ organizationId: org.id, organizationName: org.name });
    } else {
      result.notConfiguredCount++;
    }
  }
  return result;
}
