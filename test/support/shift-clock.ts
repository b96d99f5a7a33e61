// Vitest setup file, and an `--import` for the worker processes tests spawn: shifts this process's clock
// by SIGNALHOUSE_TEST_CLOCK_OFFSET when it is set, and does nothing otherwise (clock-offset.ts).
import { CLOCK_OFFSET_ENV, installClockOffset, parseClockOffset } from "./clock-offset";

const configured = process.env[CLOCK_OFFSET_ENV];
if (configured) installClockOffset(parseClockOffset(configured));
