// One delivery as the admin page shows it: everything findDeliveryDetail reads, as plain JSON, with the
// payload's tokens cut to a prefix and every body and error text passed through redactSecrets, using
// the payload's own token values as the first thing to look for.
import type { TScope } from "../data/scope";
import type { DbOrTx } from "../db/tx";
import { hintForError } from "../format/error-hints";
import { redactJson, redactSecrets, secretValuesIn } from "../redaction/redact-secrets";
import { toAdminRow } from "./admin-delivery-list";
import type { TAdminDeliveryDetail } from "./admin-delivery-types";
import { findDeliveryDetail } from "./delivery-views";
import { readDeliveryCause } from "./read-delivery-cause";

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A body as text for a monospace block: JSON pretty-printed (after masking by key), anything else as is. */
export function bodyForDisplay(body: string | null, knownSecrets: readonly string[]): string | null {
  if (body === null) return null;
  let text = body;
  try {
    text = JSON.stringify(redactJson(JSON.parse(body)), null, 2);
  } catch {
    // not JSON (an HTML error page, a form body): shown as received, redacted below
  }
  return redactSecrets(text, knownSecrets);
}

export async function readAdminDeliveryDetail(
  db: DbOrTx,
  scope: TScope,
  id: string,
  now: Date = new Date(),
): Promise<TAdminDeliveryDetail> {
  const row = await findDeliveryDetail(db, scope, id);
  const cause = await readDeliveryCause(db, row);
  const secrets = secretValuesIn(row.payload);
  const redact = (text: string | null) => redactSecrets(text, secrets);
  return {
    ...toAdminRow({ ...row, lastError: redact(row.lastError) }),
    errorHint: row.lastErrorCode ? hintForError(row.lastErrorCode, row.lastError) : null,
    organizationName: row.organization.name,
    organizationSlug: row.organization.slug,
    destination: row.destination,
    payloadText: redactSecrets(JSON.stringify(redactJson(row.payload), null, 2) ?? "null", secrets),
    leaseOwner: row.leaseOwner,
    leaseExpiresAt: iso(row.leaseExpiresAt),
    orderingKey: row.orderingKey,
    dueBy: iso(row.dueBy),
    expiresAt: iso(row.expiresAt),
    eventId: row.eventId,
    applicationId: row.applicationId,
    positionId: row.positionId,
    candidateId: row.candidateId,
    updatedAt: row.updatedAt.toISOString(),
    attemptLog: row.attemptLog.map(({ request, ...attempt }) => ({
      ...attempt,
      startedAt: attempt.startedAt.toISOString(),
      errorMessage: redact(attempt.errorMessage),
      requestBody: bodyForDisplay(request?.requestBody ?? null, secrets),
      responseBody: bodyForDisplay(request?.responseBody ?? null, secrets),
    })),
    cause: { ...cause, destinationLastError: redact(cause.destinationLastError) },
    generatedAt: now.toISOString(),
  };
}
