// The organization-scoped data layer: which organizations a caller may see, as a value every tenant
// query puts in its `where`. One rule, written once (docs/decisions/0010-tenancy-scoping.md):
//
//   db.position.findFirst({ where: inScope(scope, { externalId }) })
//   db.position.updateMany({ where: inScope(scope, { id }), data })   // count 0 → NOT_FOUND
//   db.seekPositionProfile.findMany({ where: { position: inScope(scope) } })   // child rows via their parent
//
// The scope's condition is always added (ANDed with any organizationId the caller wrote), so a guessed id
// from another organization matches no row: it reads as "not found", never as "forbidden", which would
// confirm that it exists.
import { AppError } from "../errors/app-error";

export type TOrganizationScope = {
  readonly kind: "organization";
  readonly organizationId: string;
  /** who acts: "user:<id>", "apikey:<id>" or "apikey:bootstrap" (also the Event.actor format) */
  readonly actor: string;
  readonly actorUserId: string | null;
};

export type TAllOrganizationsScope = {
  readonly kind: "all";
  readonly actor: string;
  readonly actorUserId: string;
};

export type TScope = TOrganizationScope | TAllOrganizationsScope;

// Who can hold a scope, by shape: a signed-in user (lib/auth/session-user) or a verified API key
// (lib/api-keys/verify-api-key). Named here by shape so the tenancy rule depends on nothing above it.
type ScopedUser = {
  id: string;
  role: "admin" | "hirer";
  organizationId: string | null;
  /** an ATS user in the embedded portal: acts as "portal:<session id>", never as a Signalhouse user */
  portal?: { sessionId: string };
};
type ScopedApiKey = { organizationId: string; apiKeyId: string };

/** Admins see every organization; a hirer sees only their own. */
export function scopeFor(user: ScopedUser & { role: "admin" }): TAllOrganizationsScope;
export function scopeFor(user: ScopedUser): TScope;
export function scopeFor(user: ScopedUser): TScope {
  if (user.portal) {
    if (user.role !== "hirer" || !user.organizationId)
      throw new AppError("FORBIDDEN", "This portal session is not valid.");
    const actor = `portal:${user.portal.sessionId}`;
    return { kind: "organization", organizationId: user.organizationId, actor, actorUserId: null };
  }
  const actor = `user:${user.id}`;
  if (user.role === "admin") return { kind: "all", actor, actorUserId: user.id };
  if (!user.organizationId) throw new AppError("FORBIDDEN", "Your account is not attached to an organization.");
  return { kind: "organization", organizationId: user.organizationId, actor, actorUserId: user.id };
}

/** An API key acts for exactly one organization. */
export function scopeForApiKey(principal: ScopedApiKey): TOrganizationScope {
  return {
    kind: "organization",
    organizationId: principal.organizationId,
    actor: `apikey:${principal.apiKeyId}`,
    actorUserId: null,
  };
}

/** `where` narrowed to the scope's organization (unchanged for an all-organizations scope). */
export function inScope<W extends object>(scope: TScope, where?: W): W & { organizationId?: string } {
  const base = (where ?? {}) as W;
  if (scope.kind === "all") return base;
  return constrain(base, "organizationId", scope.organizationId);
}

/**
 * Adds `field = value` to a where. A caller's own condition on the same field is kept and ANDed, never
 * replaced: a hirer asking for another organization's rows gets none, not their own in their place.
 */
function constrain<W extends object, F extends string>(where: W, field: F, value: string): W & { [K in F]?: string } {
  const existing = (where as Record<string, unknown>)[field];
  if (existing === undefined || existing === value) return { ...where, [field]: value } as W & { [K in F]?: string };
  const and = (where as { AND?: unknown }).AND;
  const conditions = and === undefined ? [] : Array.isArray(and) ? and : [and];
  return { ...where, AND: [...conditions, { [field]: value }] } as W & { [K in F]?: string };
}

export function canSeeOrganization(scope: TScope, organizationId: string): boolean {
  return scope.kind === "all" || scope.organizationId === organizationId;
}

/**
 * Narrows to one organization, e.g. an admin working on one organization's keys, or a write that must
 * name the organization it creates rows in. Another organization's id from a hirer is NOT_FOUND.
 */
export function narrowToOrganization(scope: TScope, organizationId: string): TOrganizationScope {
  if (!canSeeOrganization(scope, organizationId)) throw new AppError("NOT_FOUND", "No such organization.");
  return { kind: "organization", organizationId, actor: scope.actor, actorUserId: scope.actorUserId };
}

/** The organization new rows are created in: a hirer's own; an admin must say which. */
export function organizationForWrite(scope: TScope, requested?: string | null): string {
  if (scope.kind === "organization") {
    if (requested && requested !== scope.organizationId) throw new AppError("NOT_FOUND", "No such organization.");
    return scope.organizationId;
  }
  if (!requested) throw new AppError("BAD_REQUEST", "Choose an organization.");
  return requested;
}

/** For the Organization table itself, whose own `id` is the tenant key. */
export function organizationsInScope<W extends object>(scope: TScope, where?: W): W & { id?: string } {
  const base = (where ?? {}) as W;
  if (scope.kind === "all") return base;
  return constrain(base, "id", scope.organizationId);
}
