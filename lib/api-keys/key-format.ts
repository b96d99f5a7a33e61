// API keys: "sh_" + 43 base64url characters (256 random bits). Stored as sha256 only; the prefix is kept
// so a person can tell keys apart in the list.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX_LENGTH = 10;

export function generateApiKey(): string {
  return `sh_${randomBytes(32).toString("base64url")}`;
}

export function hashApiKey(raw: string): string {
  return createHash("sha256").update(raw, "utf8").digest("hex");
}

export function displayPrefix(raw: string): string {
  return raw.slice(0, API_KEY_PREFIX_LENGTH);
}
