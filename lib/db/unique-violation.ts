// Prisma's "unique constraint failed" (P2002), the same through the PostgreSQL and PGlite adapters.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
