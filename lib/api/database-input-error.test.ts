import { describe, expect, it, vi } from "vitest";
import { databaseInputError } from "../validation/database-input-error";
import { errorResponse } from "./error-response";

// The shape Prisma 7 gives a driver-adapter error (seen through both @prisma/adapter-pg and PGlite).
const prismaError = (originalCode: string) =>
  Object.assign(new Error("Database error"), {
    code: "P2039",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode, kind: "postgres" } } },
  });

describe("database rejections of input", () => {
  it.each(["22021", "22P05", "22001", "22P02", "22003", "22007", "22008"])(
    "SQLSTATE %s answers 400 BAD_REQUEST naming the SQLSTATE, not 500",
    async (state) => {
      const response = errorResponse(prismaError(state));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.error.message).toContain(state);
    },
  );

  it("anything else stays an unexpected 500 that is logged", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(prismaError("40P01")).status).toBe(500);
    expect(databaseInputError(new Error("boom"))).toBeUndefined();
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
