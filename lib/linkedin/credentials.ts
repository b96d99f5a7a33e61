// An organization's LinkedIn customer-application credentials (Recruiter System Connect: one client id
// and secret per customer, plus the customer's integration context). They come from the organization's
// row, the secret decrypted with SIGNALHOUSE_ENCRYPTION_KEY; the `default` organization falls back to
// the LINKEDIN_* variables when its row holds none of the three. Anything missing is a value, not an
// exception: the channel turns it into LINKEDIN_NOT_CONFIGURED retries (docs/decisions/0052).
import { decryptSecret } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { DEFAULT_ORGANIZATION_SLUG } from "../organizations/default-organization";
import type { LinkedinSettings } from "./linkedin-settings";

export type LinkedinCredentials = {
  organizationId: string;
  clientId: string;
  clientSecret: string;
  integrationContext: string;
  source: "organization" | "environment";
};

export const NOT_CONFIGURED = "LINKEDIN_NOT_CONFIGURED";

export type CredentialsResult =
  | { ok: true; credentials: LinkedinCredentials }
  | { ok: false; code: typeof NOT_CONFIGURED; message: string };

const notConfigured = (message: string): CredentialsResult => ({ ok: false, code: NOT_CONFIGURED, message });

export async function loadLinkedinCredentials(
  db: Db,
  organizationId: string,
  settings: LinkedinSettings,
): Promise<CredentialsResult> {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { slug: true, linkedinIntegrationContext: true, linkedinClientId: true, linkedinClientSecretEnc: true },
  });
  if (!org) return notConfigured(`Organization ${organizationId} does not exist.`);
  if (!settings.encryptionKey) {
    return notConfigured("SIGNALHOUSE_ENCRYPTION_KEY is not set: LinkedIn secrets and tokens cannot be used.");
  }
  const row = {
    "integration context": org.linkedinIntegrationContext,
    "client id": org.linkedinClientId,
    "client secret": org.linkedinClientSecretEnc,
  };
  const rowHasAny = Object.values(row).some((v) => v);
  if (rowHasAny) {
    const missing = Object.entries(row)
      .filter(([, v]) => !v)
      .map(([name]) => name);
    if (missing.length > 0) {
      return notConfigured(`LinkedIn is partly configured for organization ${org.slug}: no ${missing.join(", ")}.`);
    }
    let clientSecret: string;
    try {
      clientSecret = decryptSecret(org.linkedinClientSecretEnc!, settings.encryptionKey);
    } catch {
      return notConfigured(
        `The LinkedIn client secret of organization ${org.slug} cannot be decrypted with the current SIGNALHOUSE_ENCRYPTION_KEY; enter it again.`,
      );
    }
    return {
      ok: true,
      credentials: {
        organizationId,
        clientId: org.linkedinClientId!,
        clientSecret,
        integrationContext: org.linkedinIntegrationContext!,
        source: "organization",
      },
    };
  }
  if (org.slug === DEFAULT_ORGANIZATION_SLUG) {
    const fallback = settings.defaultOrganization;
    const vars = {
      LINKEDIN_CLIENT_ID: fallback.clientId,
      LINKEDIN_CLIENT_SECRET: fallback.clientSecret,
      LINKEDIN_INTEGRATION_CONTEXT: fallback.integrationContext,
    };
    const missing = Object.entries(vars)
      .filter(([, v]) => !v)
      .map(([name]) => name);
    if (missing.length > 0) {
      return notConfigured(`LinkedIn is not configured for the default organization: set ${missing.join(", ")}.`);
    }
    return {
      ok: true,
      credentials: {
        organizationId,
        clientId: fallback.clientId!,
        clientSecret: fallback.clientSecret!,
        integrationContext: fallback.integrationContext!,
        source: "environment",
      },
    };
  }
  return notConfigured(
    `LinkedIn is not configured for organization ${org.slug}: set its integration context, client id and client secret.`,
  );
}
