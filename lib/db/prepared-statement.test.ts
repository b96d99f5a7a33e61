import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { prepared, statementName } from "./prepared-statement";

describe("statementName", () => {
  it("names a marked statement by its text: the same text, the same name; another text, another", () => {
    const one = prepared(Prisma.sql`SELECT id FROM "Application" WHERE id = ${"a"}`);
    const same = prepared(Prisma.sql`SELECT id FROM "Application" WHERE id = ${"b"}`);
    const other = prepared(Prisma.sql`SELECT id FROM "Position" WHERE id = ${"a"}`);
    expect(statementName(one.text)).toMatch(/^sh_[\w-]{24}$/);
    expect(statementName(same.text)).toBe(statementName(one.text));
    expect(statementName(other.text)).not.toBe(statementName(one.text));
  });

  it("leaves an unmarked statement unnamed (planned on every run)", () => {
    expect(statementName(Prisma.sql`SELECT 1`.text)).toBe("");
    // The mark counts only at the start: text that merely contains it (a comment, a value) is not marked.
    expect(statementName(`SELECT '/* prepared */ ' AS x`)).toBe("");
  });
});
