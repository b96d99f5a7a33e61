import { describe, expect, it, vi } from "vitest";
import { AppError } from "../errors/app-error";
import { runAction } from "./run-action";

// A driver-adapter error as Prisma raises it when PostgreSQL refuses a value (SQLSTATE 22021: U+0000).
const refusedByPostgres = Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), {
  meta: { driverAdapterError: { cause: { originalCode: "22021" } } },
});

describe("runAction", () => {
  it("answers the form with what the body returned", async () => {
    expect(await runAction(async () => ({ message: "Saved.", data: 1 }))).toEqual({
      status: "ok",
      message: "Saved.",
      data: 1,
    });
  });

  it("says what PostgreSQL refused, as the form's error, instead of 'something went wrong'", async () => {
    const state = await runAction(async () => {
      throw refusedByPostgres;
    });
    expect(state).toMatchObject({ status: "error", code: "BAD_REQUEST" });
    expect(state.status === "error" && state.message).toContain("U+0000");
  });

  it("keeps an AppError's code and message, and hides anything unexpected", async () => {
    expect(
      await runAction(async () => {
        throw new AppError("CONFLICT", "That slug is taken.");
      }),
    ).toMatchObject({ status: "error", code: "CONFLICT", message: "That slug is taken." });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(
      await runAction(async () => {
        throw new Error("connection reset by peer at 10.0.0.7");
      }),
    ).toEqual({
      status: "error",
      code: "INTERNAL",
      message: "Something went wrong. Please try again.",
      fieldErrors: {},
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
