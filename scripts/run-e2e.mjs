// npm run test:e2e: fails loudly (never skips) when no Chromium is installed, then runs Playwright.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const candidates = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
if (!candidates.some((p) => fs.existsSync(p))) {
  console.error(
    [
      `The end-to-end tests need Chromium and none was found (looked at ${candidates.join(", ")}).`,
      "Install Debian's build:   sudo apt-get update && sudo apt-get install -y chromium",
      "or point CHROMIUM_PATH at a Chromium/Chrome binary. (`npx playwright install` cannot download here.)",
    ].join("\n"),
  );
  process.exit(1);
}
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
