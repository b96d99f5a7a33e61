// The configuration the e2e server is started with, shared by the config and the tests.
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? path.resolve(".test-data", `e2e-${process.pid}`);

export const E2E = {
  baseURL: `http://127.0.0.1:${port}`,
  adminEmail: "admin@signalhouse.test",
  adminPassword: "correct horse battery staple",
  bootstrapKey: "sh_e2e_bootstrap_key_0123456789abcdef",
  partnerKey: "sh_e2e_partner_key_0123456789abcdef",
  cronSecret: "e2e-cron-secret-0123456789",
  serverEnv: {
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SIGNALHOUSE_DATA_DIR: dataDir,
    SIGNALHOUSE_ADMIN_EMAIL: "admin@signalhouse.test",
    SIGNALHOUSE_ADMIN_PASSWORD: "correct horse battery staple",
    SIGNALHOUSE_BOOTSTRAP_API_KEY: "sh_e2e_bootstrap_key_0123456789abcdef",
    SIGNALHOUSE_PARTNER_API_KEY: "sh_e2e_partner_key_0123456789abcdef",
    CRON_SECRET: "e2e-cron-secret-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    // Test-only writes for states no product path reaches in seconds (e.g. dead: 3 days of failures).
    SIGNALHOUSE_E2E_HOOKS: "1",
    // The webhook receiver the specs start listens on loopback (decision 0148).
    SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    // The e2e server always uses a fresh embedded database, whatever the caller's shell says.
    DATABASE_URL: "",
  } as Record<string, string>,
};

/**
 * A second server of the same build for journeys that need a job board: its SEEK points at a SEEK mock
 * the spec starts (e2e/support/board-server.ts). The main server has no board, so its deliveries wait.
 */
export const BOARD_E2E = {
  port: port + 7,
  baseURL: `http://127.0.0.1:${port + 7}`,
  dataDir: `${dataDir}-board`,
  mockPort: port + 8,
};

/**
 * The ATS pages that embed the hirer portal (e2e/portal.spec.ts): served on localhost, another site than
 * the app on 127.0.0.1. The first may frame the portal; the second is not among the allowed origins.
 */
export const PORTAL_HOST_PORTS = { allowed: port + 9, other: port + 10 };
