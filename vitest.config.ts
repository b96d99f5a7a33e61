import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // next's "server-only" marker throws outside a React server bundle; tests run on the server anyway.
  "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
};

// Shifts Date by SIGNALHOUSE_TEST_CLOCK_OFFSET when set (npm run test:future); a no-op otherwise.
const clockShift = path.resolve(import.meta.dirname, "test/support/shift-clock.ts");
// An unexpected console.error fails the test that caused it (expectConsoleError() allows one).
const consoleErrorFails = path.resolve(import.meta.dirname, "test/support/console-error-fails.ts");

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "components/**/*.test.tsx",
            "e2e/mocks/**/*.test.ts",
            "e2e/chromium.test.ts",
            "test/support/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: [clockShift, consoleErrorFails],
          // Unit tests are pure and mock no module, so files share a worker's module graph: the tier
          // takes 7 s instead of 38 s, most of which was starting a fresh module graph per file. A test
          // that needs its own module state belongs in the integration tier.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "test/integration/**/*.int.test.ts"],
          environment: "node",
          setupFiles: [clockShift, consoleErrorFails],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // Each file opens its own databases; two at a time keeps a 2-core machine responsive.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // Generated hostile requests against every v1 route on PGlite (FUZZ_SEED replays a run).
          name: "fuzz",
          include: ["test/fuzz/**/*.fuzz.test.ts"],
          environment: "node",
          setupFiles: [consoleErrorFails],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
