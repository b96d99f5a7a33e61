import { describe, expect, it, vi } from "vitest";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";
import { BUSY_RETRY_AFTER_SECONDS, errorResponse } from "./error-response";

const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "test" });

describe("errorResponse", () => {
  it.each([
    ["P2028", "Transaction API error: Unable to start a transaction in the given time."],
    ["P2024", "Timed out fetching a new connection from the connection pool."],
    ["P2034", "Transaction failed due to a write conflict or a deadlock. Please retry your transaction"],
  ])("answers a busy database (%s) 503 with Retry-After, not 500", async (code, message) => {
    const response = errorResponse(prismaError(code, message));
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BUSY");
    expect(body.error.message).toMatch(/wrote nothing.*same Idempotency-Key/);
  });

  it("answers an AppError with its own status and headers", async () => {
    const response = errorResponse(new AppError("RATE_LIMITED", "Slow down.", [], { "Retry-After": "7" }));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("7");
  });

  it("answers anything else 500 with an incident id and no detail", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(prismaError("P2010", "raw query failed: secret detail"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toMatch(/incident [0-9a-f-]{36}/);
    expect(text).not.toContain("secret detail");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
