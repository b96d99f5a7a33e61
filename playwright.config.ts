// End-to-end tier: the built app, started the way a user starts it (`npm start`), on a fresh data folder.
import path from "node:path";
import { chromium, defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, currentFacts, findChromium } from "./e2e/chromium";
import { E2E } from "./e2e/e2e-env";

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: path.join("test-results", "e2e"),
  use: {
    baseURL: E2E.baseURL,
    launchOptions: { executablePath: findChromium(currentFacts(chromium.executablePath())), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "npm start",
    url: `${E2E.baseURL}/api/health`,
    // npm start builds first; on a loaded 2-core machine the build alone has taken over 5 minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: E2E.serverEnv,
  },
});
