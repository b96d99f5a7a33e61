import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH } from "../auth/password-rules";
import { generateTemporaryPassword, TEMPORARY_PASSWORD_ALPHABET } from "./temporary-password";

describe("a generated temporary password", () => {
  it("is 20 characters, longer than the password floor, from an alphabet without look-alikes", () => {
    const password = generateTemporaryPassword();
    expect(password).toHaveLength(20);
    expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    for (const char of password) expect(TEMPORARY_PASSWORD_ALPHABET).toContain(char);
    for (const lookAlike of ["0", "O", "1", "l", "I"]) expect(TEMPORARY_PASSWORD_ALPHABET).not.toContain(lookAlike);
  });

  it("draws every character from the random source it is given", () => {
    const draws: number[] = [];
    const password = generateTemporaryPassword((max) => {
      draws.push(max);
      return draws.length % max;
    });
    expect(draws).toHaveLength(20);
    expect(draws.every((max) => max === TEMPORARY_PASSWORD_ALPHABET.length)).toBe(true);
    expect(password.startsWith(TEMPORARY_PASSWORD_ALPHABET.slice(1, 4))).toBe(true);
  });

  it("differs between two draws from node:crypto", () => {
    expect(generateTemporaryPassword()).not.toBe(generateTemporaryPassword());
  });
});
