// The two questions every guard asks, as pure functions so they can be tested without a request.
import { AppError } from "../errors/app-error";
import type { TSessionUser } from "./session-user";

export function assertSignedIn(user: TSessionUser | null): TSessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}

export function assertAdmin(user: TSessionUser | null): TSessionUser & { role: "admin" } {
  const signedIn = assertSignedIn(user);
  if (signedIn.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
  return signedIn as TSessionUser & { role: "admin" };
}

/** A portal viewer only looks; everyone else who may see a page may use its controls. */
export function assertCanChange(user: TSessionUser): TSessionUser {
  if (user.portal?.role === "viewer") {
    throw new AppError("FORBIDDEN", "You can view but not change this: your ATS opened it read-only.");
  }
  return user;
}

export function canChange(user: TSessionUser): boolean {
  return user.portal?.role !== "viewer";
}

export function isAdmin(user: TSessionUser): boolean {
  return user.role === "admin";
}
