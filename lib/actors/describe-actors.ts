// "Who did it" for histories: Event.actor and PipelineVersion.createdBy hold "user:<id>", "apikey:<id>",
// "apikey:bootstrap", "portal:<portal session id>" (an ATS user in the embedded portal) or "system". Names are looked up within the organization; administrators belong to
// none, so a hirer sees them as "An administrator" and only admins see which one.
import { inScope, type TOrganizationScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";

export type TActorLabels = ReadonlyMap<string, string>;

function idsWithPrefix(actors: readonly string[], prefix: string): string[] {
  return [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))];
}

export async function describeActors(
  db: DbOrTx,
  scope: TOrganizationScope,
  viewerIsAdmin: boolean,
  actors: Iterable<string | null | undefined>,
): Promise<TActorLabels> {
  const list = [...new Set([...actors].filter((a): a is string => typeof a === "string"))];
  const userIds = idsWithPrefix(list, "user:");
  const keyIds = idsWithPrefix(list, "apikey:").filter((id) => id !== "bootstrap");
  const portalIds = idsWithPrefix(list, "portal:");
  const [users, keys, portalSessions] = await Promise.all([
    userIds.length
      ? db.user.findMany({
          where: { id: { in: userIds }, OR: [inScope(scope), { role: "admin" }] },
          select: { id: true, name: true, role: true },
        })
      : [],
    keyIds.length
      ? db.apiKey.findMany({ where: inScope(scope, { id: { in: keyIds } }), select: { id: true, name: true } })
      : [],
    portalIds.length
      ? db.portalSession.findMany({
          where: inScope(scope, { id: { in: portalIds } }),
          select: { id: true, atsUserName: true },
        })
      : [],
  ]);
  const labels = new Map<string, string>();
  for (const actor of list) {
    if (actor === "system") labels.set(actor, "Signalhouse");
    else if (actor === "apikey:bootstrap") labels.set(actor, "ATS (bootstrap API key)");
    else if (actor.startsWith("apikey:")) {
      const key = keys.find((k) => `apikey:${k.id}` === actor);
      labels.set(actor, key ? `ATS (API key “${key.name}”)` : "ATS (API key)");
    } else if (actor.startsWith("portal:")) {
      const session = portalSessions.find((s) => `portal:${s.id}` === actor);
      labels.set(actor, session ? `${session.atsUserName} (in the ATS)` : "An ATS user");
    } else if (actor.startsWith("user:")) {
      const user = users.find((u) => `user:${u.id}` === actor);
      if (!user) labels.set(actor, "A former user");
      else if (user.role === "admin")
        labels.set(actor, viewerIsAdmin ? `${user.name} (administrator)` : "An administrator");
      else labels.set(actor, user.name);
    } else labels.set(actor, actor);
  }
  return labels;
}
