// Shared set-up for the linkedin-note channel's tests: claimed rows as the engine hands them over, an
// organization configured for a LinkedIn mock customer, and the settings pointing at the mock.
import type { LinkedinMock } from "@/e2e/mocks/linkedin/server";
import type { LinkedinCustomer } from "@/e2e/mocks/linkedin/token-endpoint";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import type { ClaimedDelivery, SendContext } from "@/lib/delivery/channel";
import type { NoteDeliveryPayload } from "@/lib/notes/note-input";
import type { LinkedinSettings } from "./linkedin-settings";

export const TEST_ENCRYPTION_KEY = "test-encryption-key-0123456789abcdef";

export function mockSettings(
  mock: LinkedinMock,
  defaultOrganization: LinkedinSettings["defaultOrganization"] = {},
): LinkedinSettings {
  return { apiUrl: mock.apiUrl, tokenUrl: mock.tokenUrl, encryptionKey: TEST_ENCRYPTION_KEY, defaultOrganization };
}

export async function configuredOrganization(db: Db, slug: string, customer: LinkedinCustomer): Promise<string> {
  const org = await db.organization.create({
    data: {
      slug,
      name: slug,
      linkedinClientId: customer.clientId,
      linkedinClientSecretEnc: encryptSecret(customer.clientSecret, TEST_ENCRYPTION_KEY),
      linkedinIntegrationContext: customer.integrationContext,
    },
  });
  return org.id;
}

let counter = 0;

export function upsertRow(
  organizationId: string,
  application: string,
  noteId: string,
  note = `note ${noteId}`,
): ClaimedDelivery {
  return row(organizationId, {
    operation: "upsert",
    atsJobApplicationId: application,
    noteId,
    entity: { note, atsCreatedAt: 1_484_864_187_000, author: { firstName: "Angela", lastName: "Smith" } },
  });
}

export function deleteRow(organizationId: string, application: string, noteId: string): ClaimedDelivery {
  return row(organizationId, { operation: "delete", atsJobApplicationId: application, noteId });
}

export function row(organizationId: string, payload: NoteDeliveryPayload | Record<string, unknown>): ClaimedDelivery {
  counter += 1;
  const application = String((payload as { atsJobApplicationId?: unknown }).atsJobApplicationId ?? "");
  return {
    id: `d${String(counter).padStart(6, "0")}`,
    organizationId,
    channel: "linkedin-note",
    kind: (payload as { operation?: unknown }).operation === "delete" ? "NoteDelete" : "NoteUpsert",
    destination: `linkedin:${organizationId}`,
    payload,
    attempts: 1,
    orderingKey: `notes:${application}`,
    occurredAt: new Date(),
    createdAt: new Date(),
    expiresAt: null,
    dueBy: null,
  };
}

export function sendContext(now: () => Date, workerId = "w1", signal = new AbortController().signal): SendContext {
  return { workerId, now, signal };
}
