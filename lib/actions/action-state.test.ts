import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFrom } from "./action-state";

describe("fieldErrorsFrom", () => {
  it("maps zod issues to the first message per top-level field", () => {
    const result = z
      .object({ name: z.string().min(1, "Enter a name"), slug: z.string().regex(/^[a-z]+$/, "Lowercase only") })
      .safeParse({ name: "", slug: "NO" });
    expect(result.success).toBe(false);
    expect(fieldErrorsFrom(result.error?.issues ?? [])).toEqual({ name: "Enter a name", slug: "Lowercase only" });
  });

  it("ignores issues without a field path", () => {
    expect(fieldErrorsFrom([{ message: "x" }, "text", null, { path: [], message: "y" }])).toEqual({});
  });
});
