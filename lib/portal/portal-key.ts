// The portal's signing key from the configuration: AUTH_SECRET (which also signs admin sessions), else
// the encryption key. `npm start` generates both when unset, so a fresh install always has one.
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { portalSigningKey } from "./portal-tokens";

export function portalKey(): Buffer {
  const config = env();
  const secret = config.AUTH_SECRET ?? config.SIGNALHOUSE_ENCRYPTION_KEY;
  if (!secret) {
    throw new AppError("SERVICE_UNAVAILABLE", "The portal needs AUTH_SECRET to be set on the Signalhouse server.");
  }
  return portalSigningKey(secret);
}
