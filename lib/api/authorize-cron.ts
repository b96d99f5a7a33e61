// Who may run the cron drain: a caller presenting `Authorization: Bearer <CRON_SECRET>`. The secret is
// compared in constant time (as SHA-256 digests, so lengths leak nothing either). Without a configured
// secret the route is closed, and says so, rather than open to anyone.
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors/app-error";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function authorizeCron(authorization: string | null, secret: string | undefined): AppError | null {
  if (!secret) {
    return new AppError(
      "SERVICE_UNAVAILABLE",
      "CRON_SECRET is not configured on this server: the cron route is disabled",
    );
  }
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(secret))) {
    return new AppError("UNAUTHENTICATED", "a valid `Authorization: Bearer <CRON_SECRET>` header is required", [], {
      "www-authenticate": "Bearer",
    });
  }
  return null;
}
