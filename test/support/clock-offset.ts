// The test clock shift (docs/decisions/0120-tests-never-depend-on-the-day.md): `npm run test:future` runs
// the tests again with `Date` moved years ahead, so a test that mixes a fixed date with the real clock
// fails today instead of on the day the two cross. Pure parsing and installing; shift-clock.ts applies it.

export const CLOCK_OFFSET_ENV = "SIGNALHOUSE_TEST_CLOCK_OFFSET";

const UNIT_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  // A year of 365.25 days: the shift only has to be large and fixed, not land on a calendar date.
  y: 31_557_600_000,
} as const;

/** "+5y", "-30d", "+90m", "0" → milliseconds. Throws naming the variable on anything else. */
export function parseClockOffset(text: string): number {
  const match = /^([+-]?)(\d+(?:\.\d+)?)(ms|s|m|h|d|y)?$/.exec(text.trim());
  if (!match) {
    throw new Error(`${CLOCK_OFFSET_ENV} must look like +5y, -30d, +12h or +90m (got "${text}")`);
  }
  const [, sign, amount, unit] = match;
  const ms = Number(amount) * UNIT_MS[(unit ?? "ms") as keyof typeof UNIT_MS];
  return sign === "-" ? -ms : ms;
}

const INSTALLED = Symbol.for("signalhouse.clockOffset");

/**
 * Moves `Date.now()` and `new Date()` (no arguments) by `offsetMs`; dates built from a value, timers
 * and `performance.now()` stay real, so timeouts and measured durations are unchanged. Installing twice
 * (a setup file and an --import in the same process) keeps the first offset.
 */
export function installClockOffset(offsetMs: number, target: typeof globalThis = globalThis): void {
  const holder = target as unknown as Record<symbol, number | undefined>;
  if (holder[INSTALLED] !== undefined) return;
  holder[INSTALLED] = offsetMs;
  const RealDate = target.Date;
  const realNow = RealDate.now.bind(RealDate);
  // Patched on the real constructor too, so code that kept a reference to `Date` before the shift
  // (PGlite's WebAssembly clock, libraries) still reads the shifted time.
  RealDate.now = () => realNow() + offsetMs;
  target.Date = new Proxy(RealDate, {
    construct(Real, args, newTarget) {
      return Reflect.construct(Real, args.length === 0 ? [RealDate.now()] : args, newTarget);
    },
    // `Date()` called as a function returns the current time as a string.
    apply() {
      return new RealDate(RealDate.now()).toString();
    },
  });
}

/** The offset installed in this process, or undefined. */
export function installedClockOffset(target: typeof globalThis = globalThis): number | undefined {
  return (target as unknown as Record<symbol, number | undefined>)[INSTALLED];
}
