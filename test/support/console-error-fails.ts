// Every test project's setup: an unexpected console.error fails the test that caused it (the product
// logs errors it did not expect there, so a test that triggers one has found something). A test that
// means to cause one says so with expectConsoleError(), which hands back what was logged.
import { format } from "node:util";
import { afterEach } from "vitest";

const original = console.error.bind(console);
let logged: string[] = [];
let expected = false;

console.error = (...args: unknown[]) => {
  logged.push(format(...args));
  if (!expected) original(...args);
};

/** Allows console.error until the current test ends; returns the lines logged so far (live). */
export function expectConsoleError(): readonly string[] {
  expected = true;
  return logged;
}

afterEach(() => {
  const lines = logged;
  const allowed = expected;
  logged = [];
  expected = false;
  if (lines.length > 0 && !allowed) {
    throw new Error(
      `console.error was called during this test:\n${lines.map((l) => `  ${l.slice(0, 500)}`).join("\n")}`,
    );
  }
});
