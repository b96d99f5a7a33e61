import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { orNotFound } from "./or-not-found";

// What next/navigation's notFound() throws: the 404 page, not an error page.
const NOT_FOUND_PAGE = { digest: expect.stringContaining("404") };

describe("orNotFound", () => {
  it("passes a read through", async () => {
    expect(await orNotFound(Promise.resolve(7))).toBe(7);
  });

  it("answers NOT_FOUND, and a value PostgreSQL refused to compare (?org=%00), with the 404 page", async () => {
    await expect(orNotFound(Promise.reject(new AppError("NOT_FOUND", "No such position.")))).rejects.toMatchObject(
      NOT_FOUND_PAGE,
    );
    const refused = Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), {
      meta: { driverAdapterError: { cause: { originalCode: "22021" } } },
    });
    await expect(orNotFound(Promise.reject(refused))).rejects.toMatchObject(NOT_FOUND_PAGE);
  });

  it("lets any other failure through as the failure it is", async () => {
    const broken = new Error("connection reset");
    await expect(orNotFound(Promise.reject(broken))).rejects.toBe(broken);
    await expect(orNotFound(Promise.reject(new AppError("FORBIDDEN", "No.")))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
