// A password the app makes up when an admin resets one without choosing it: 20 characters from an
// alphabet without look-alikes (0/O, 1/l/I), so it can be read out or typed from a screen. 20 characters
// of 57 symbols is about 116 bits, and longer than MIN_PASSWORD_LENGTH.
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const TEMPORARY_PASSWORD_LENGTH = 20;

/** `pick` is for tests; the app draws from node:crypto. */
export function generateTemporaryPassword(pick: (max: number) => number = randomInt): string {
  let password = "";
  for (let i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) password += ALPHABET[pick(ALPHABET.length)];
  return password;
}

export const TEMPORARY_PASSWORD_ALPHABET = ALPHABET;
