// The environment the webhook rules read: the private-network switch, the app's own origins and the key
// that seals secrets. One place, so the routes, the channel and the tests agree.
import { env } from "../env";
import { AppError } from "../errors/app-error";

export function webhookUrlRuleOptions() {
  const e = env();
  const selfOrigins = [
    e.SIGNALHOUSE_PUBLIC_URL,
    e.NEXTAUTH_URL,
    `http://localhost:${e.PORT}`,
    `http://127.0.0.1:${e.PORT}`,
    `http://[::1]:${e.PORT}`,
  ].filter((o): o is string => Boolean(o));
  return { allowPrivateNetworks: e.SIGNALHOUSE_WEBHOOK_ALLOW_PRIVATE_NETWORKS, selfOrigins };
}

export function webhookEncryptionKey(): string {
  const key = env().SIGNALHOUSE_ENCRYPTION_KEY;
  if (!key) throw new AppError("SERVICE_UNAVAILABLE", "SIGNALHOUSE_ENCRYPTION_KEY must be set to keep webhook secrets");
  return key;
}
