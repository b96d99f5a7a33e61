// Every process.env read in the product goes through here: parsed once with zod, and a wrong value
// names its variable instead of failing later somewhere unrelated.
import { z } from "zod";
import { NO_TRUSTED_PROXIES, parseTrustedProxies } from "./http/trusted-proxies";

/** How long a claim holds a row without renewal (env SIGNALHOUSE_LEASE). */
export const DEFAULT_LEASE_MS = 10_000;

/** Shorter leases than this would be renewed more often than a loaded database answers. */
export const MIN_LEASE_MS = 300;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
  .pipe(z.url().optional());

/** An http(s) origin ("https://sh.example.com", a trailing "/" allowed) → the origin, without path. */
const optionalOrigin = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
  .pipe(
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .refine((v) => {
        // zod runs this check even when the URL check above failed
        const url = URL.canParse(v) ? new URL(v) : undefined;
        return url?.pathname === "/" && url.search === "" && url.hash === "" && url.username === "";
      }, "must be an origin only, such as https://signalhouse.example.com (no path, query or credentials)")
      .transform((v) => new URL(v).origin)
      .optional(),
  );

/** "10.0.0.0/8, 192.168.1.10, fd00::/8" → the proxies whose X-Forwarded-For entries may be believed. */
const trustedProxies = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return NO_TRUSTED_PROXIES;
    const parsed = parseTrustedProxies(v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({
      code: "custom",
      message: `"${parsed.entry}" is neither an IP address nor a CIDR range (e.g. 10.0.0.0/8, 192.168.1.10, fd00::/8)`,
    });
    return z.NEVER;
  });

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "3d", "72h", "90m", "30s", "500ms" → milliseconds. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(ms|s|m|h|d)$/, "must be a duration such as 3d, 72h or 90m")
  .transform((v) => {
    const [, amount = "0", unit = "ms"] = /^(\d+)(ms|s|m|h|d)$/.exec(v) ?? [];
    return Number(amount) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
  });

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalUrl.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgresql:// URL (leave unset for the embedded PGlite database)",
  }),
  SIGNALHOUSE_DATA_DIR: z.string().default("./.data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  NEXTAUTH_URL: optionalUrl,
  /** where candidates and job ads reach this app: the origin of every position's applyLink */
  SIGNALHOUSE_PUBLIC_URL: optionalOrigin,
  /** reverse proxies in front of this app; only their X-Forwarded-For entries are believed */
  SIGNALHOUSE_TRUSTED_PROXIES: trustedProxies,
  SIGNALHOUSE_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  SIGNALHOUSE_ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  SIGNALHOUSE_BOOTSTRAP_API_KEY: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  /** acts for the partner (the ATS vendor): provisions organizations and mints their keys (decision 0140) */
  SIGNALHOUSE_PARTNER_API_KEY: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  CRON_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  SIGNALHOUSE_ENCRYPTION_KEY: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  ),
  SEEK_GRAPHQL_URL: z.url().default("https://graphql.seek.com/graphql"),
  SEEK_TOKEN_URL: z.url().default("https://auth.seek.com/oauth/token"),
  SEEK_TOKEN_AUDIENCE: z.string().default("https://graphql.seek.com"),
  SEEK_CLIENT_ID: optionalString,
  SEEK_CLIENT_SECRET: optionalString,
  LINKEDIN_API_URL: z.url().default("https://api.linkedin.com"),
  LINKEDIN_TOKEN_URL: z.url().default("https://www.linkedin.com/oauth/v2/accessToken"),
  LINKEDIN_CLIENT_ID: optionalString,
  LINKEDIN_CLIENT_SECRET: optionalString,
  LINKEDIN_INTEGRATION_CONTEXT: optionalString,
  SIGNALHOUSE_WORKER: z.enum(["inline", "off"]).default("inline"),
  /** a delivery still failing this long after it was written becomes `dead` (visible, never dropped) */
  SIGNALHOUSE_DEAD_AFTER: duration.prefault("3d"),
  /** how long a worker's claim lasts unless renewed: a dead worker's rows come back after this (lease.ts) */
  SIGNALHOUSE_LEASE: duration
    .pipe(z.number().min(MIN_LEASE_MS, `must be at least ${MIN_LEASE_MS}ms`))
    .prefault(`${DEFAULT_LEASE_MS}ms`),
  /** "true" lets webhooks reach loopback/private/link-local addresses (local development, tests): decision 0148 */
  SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** "1" only in the e2e server: enables /api/e2e/* (test-only writes, Bearer CRON_SECRET). Never in production. */
  SIGNALHOUSE_E2E_HOOKS: z.enum(["0", "1"]).default("0"),
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

const cache = globalThis as unknown as { __signalhouseEnv?: TEnv };

/** The process environment, parsed on first use (never at import, so builds need no configuration). */
export function env(): TEnv {
  cache.__signalhouseEnv ??= parseEnv(process.env);
  return cache.__signalhouseEnv;
}

/** For tests and scripts that change process.env after start. */
export function resetEnvCache(): void {
  cache.__signalhouseEnv = undefined;
}
