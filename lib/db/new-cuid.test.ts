import { describe, expect, it } from "vitest";
import { newCuid } from "./new-cuid";

describe("newCuid", () => {
  it("has the shape of Prisma's cuid() and the delivery log's id pattern, and does not repeat", () => {
    const ids = Array.from({ length: 10_000 }, () => newCuid());
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[a-z0-9]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
