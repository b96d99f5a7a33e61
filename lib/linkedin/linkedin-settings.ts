// Process-wide LinkedIn configuration from the environment (spec: Configuration). The LINKEDIN_CLIENT_*
// and LINKEDIN_INTEGRATION_CONTEXT values belong to the `default` organization only; every other
// organization keeps its own in its row (credentials.ts).
import { env } from "../env";

export type LinkedinSettings = {
  apiUrl: string;
  tokenUrl: string;
  /** seals organizations' client secrets and the cached access tokens */
  encryptionKey: string | undefined;
  defaultOrganization: { clientId?: string; clientSecret?: string; integrationContext?: string };
};

export function linkedinSettingsFromEnv(): LinkedinSettings {
  const e = env();
  return {
    apiUrl: e.LINKEDIN_API_URL,
    tokenUrl: e.LINKEDIN_TOKEN_URL,
    encryptionKey: e.SIGNALHOUSE_ENCRYPTION_KEY,
    defaultOrganization: {
      clientId: e.LINKEDIN_CLIENT_ID,
      clientSecret: e.LINKEDIN_CLIENT_SECRET,
      integrationContext: e.LINKEDIN_INTEGRATION_CONTEXT,
    },
  };
}
