import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // next's "server-only" marker throws outside a React server bundle; tests run on the server anyway.
  "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts"),
};

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
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["test/support/console-error-fails.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "test/integration/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["test/support/console-error-fails.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          // Each file opens its own databases; two at a time keeps a 2-core machine responsive.
          maxWorkers: 2,
        },
      },
    ],
  },
});
