// npm run test:e2e: gets a Chromium (e2e/chromium.ts decides how, this carries it out and says what it did
// at each step), then runs Playwright with CHROMIUM_PATH pointing at it. Fails in one line, never skips.
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { currentFacts, planChromium, type TChromiumStep } from "../e2e/chromium";

// `npx playwright install` cannot reach its download host on some machines and may hang on the attempt.
const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 60_000;
const APT_TIMEOUT_MS = 10 * 60_000;

function run(command: string, args: string[], timeout: number): boolean {
  console.log(`[e2e] $ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    timeout,
    killSignal: "SIGKILL",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) console.log(`[e2e] ${command} did not finish: ${result.error.message}`);
  return result.status === 0;
}

function attempt(step: Exclude<TChromiumStep, { kind: "use" | "fail" }>, exists: (path: string) => boolean): boolean {
  if (step.kind === "playwright-install") {
    console.log(
      `[e2e] no Chromium found; trying Playwright's download (at most ${PLAYWRIGHT_INSTALL_TIMEOUT_MS / 1000} s)`,
    );
    run("npx", ["playwright", "install", "chromium"], PLAYWRIGHT_INSTALL_TIMEOUT_MS);
  } else {
    console.log("[e2e] installing Debian's chromium package (running as root on Debian)");
    if (run("apt-get", ["update", "-qq"], APT_TIMEOUT_MS)) {
      run("apt-get", ["install", "-y", "-qq", "chromium"], APT_TIMEOUT_MS);
    }
  }
  const ok = exists(step.expect);
  console.log(`[e2e] ${ok ? `installed: ${step.expect}` : `no browser at ${step.expect} after that`}`);
  return ok;
}

function provisionChromium(): string {
  const facts = currentFacts(chromium.executablePath());
  for (const step of planChromium(facts)) {
    if (step.kind === "use") {
      console.log(`[e2e] Chromium: ${step.path} (${step.why})`);
      return step.path;
    }
    if (step.kind === "fail") {
      console.error(step.message);
      process.exit(1);
    }
    if (attempt(step, facts.exists)) return step.expect;
  }
  throw new Error("planChromium returned a plan without a last step");
}

const executable = provisionChromium();
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: executable, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
