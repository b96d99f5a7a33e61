// A bare `npm start` must work with no configuration, yet sessions and stored secrets must survive a
// restart. When AUTH_SECRET or SIGNALHOUSE_ENCRYPTION_KEY is unset, generate it once and keep it in the
// data folder (mode 0600). Set them explicitly in production; see docs/decisions/0002-generated-secrets.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type LocalSecrets = { AUTH_SECRET: string; SIGNALHOUSE_ENCRYPTION_KEY: string };

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.resolve(dataDir, "secrets.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SIGNALHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Fills the unset ones into `target` (process.env for the server it is about to start). */
export function applyLocalSecrets(target: Record<string, string | undefined>, dataDir: string): string[] {
  const missing = (["AUTH_SECRET", "SIGNALHOUSE_ENCRYPTION_KEY"] as const).filter((name) => !target[name]?.trim());
  if (missing.length === 0) return [];
  const secrets = loadOrCreateLocalSecrets(dataDir);
  for (const name of missing) target[name] = secrets[name];
  return missing;
}
