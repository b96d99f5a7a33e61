// Which Chromium the e2e tier drives, and how `npm test` gets one after a bare `npm install`
// (docs/decisions/0121-e2e-provisions-its-own-browser.md). `planChromium` is pure: it decides from the
// facts it is given; scripts/run-e2e.ts carries the plan out and playwright.config.ts uses findChromium.
import fs from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const SYSTEM_CHROMIUM_PATHS: Record<string, readonly string[]> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
  ],
};

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export type TChromiumFacts = {
  /** CHROMIUM_PATH, trimmed; undefined or "" when unset */
  chromiumPath: string | undefined;
  platform: NodeJS.Platform;
  /** process.getuid(), undefined where there is none (Windows) */
  uid: number | undefined;
  /** /etc/debian_version exists */
  debian: boolean;
  /** where Playwright's own download of its Chromium lives (or would live) */
  playwrightChromium: string | undefined;
  exists: (path: string) => boolean;
};

export type TChromiumStep =
  | { kind: "use"; path: string; why: string }
  | { kind: "playwright-install"; expect: string }
  | { kind: "apt-install"; expect: string }
  | { kind: "fail"; message: string };

/**
 * The steps to get a Chromium, in order. It ends with a `use` as soon as one exists; the install steps
 * are attempts, each followed by the next step when it leaves no browser behind; the last step of a plan
 * without a `use` is a `fail` of one line.
 *
 * A browser already on the disk comes before any download: Playwright's own build when it was downloaded
 * earlier, then a system Chromium/Chrome. Only then `npx playwright install chromium`, then Debian's package
 * when we are root on Debian (CHROMIUM_PATH, when set, is the only answer: a typo must not fall back).
 */
export function planChromium(facts: TChromiumFacts): TChromiumStep[] {
  if (facts.chromiumPath) {
    return facts.exists(facts.chromiumPath)
      ? [{ kind: "use", path: facts.chromiumPath, why: "CHROMIUM_PATH" }]
      : [{ kind: "fail", message: `CHROMIUM_PATH is set to ${facts.chromiumPath}, which does not exist.` }];
  }
  if (facts.playwrightChromium && facts.exists(facts.playwrightChromium)) {
    return [{ kind: "use", path: facts.playwrightChromium, why: "Playwright's downloaded Chromium" }];
  }
  const system = (SYSTEM_CHROMIUM_PATHS[facts.platform] ?? []).find((path) => facts.exists(path));
  if (system) return [{ kind: "use", path: system, why: "the system's browser" }];

  const steps: TChromiumStep[] = [];
  if (facts.playwrightChromium) steps.push({ kind: "playwright-install", expect: facts.playwrightChromium });
  const canApt = facts.platform === "linux" && facts.debian && facts.uid === 0;
  if (canApt) steps.push({ kind: "apt-install", expect: DEBIAN_CHROMIUM });
  const hint =
    facts.platform === "linux" && facts.debian
      ? "run `sudo apt-get install -y chromium`"
      : facts.platform === "darwin"
        ? "install Google Chrome"
        : "install Chromium or Chrome";
  steps.push({
    kind: "fail",
    message: `No Chromium for the end-to-end tests: ${canApt ? "the download and apt-get both failed; " : "the download failed; "}${hint}, or set CHROMIUM_PATH.`,
  });
  return steps;
}

/** The browser to drive now, without installing anything (playwright.config.ts). */
export function findChromium(facts: TChromiumFacts = currentFacts()): string | undefined {
  const [first] = planChromium(facts);
  return first?.kind === "use" ? first.path : undefined;
}

export function currentFacts(playwrightChromium?: string): TChromiumFacts {
  return {
    chromiumPath: process.env.CHROMIUM_PATH?.trim() || undefined,
    platform: process.platform,
    uid: process.getuid?.(),
    debian: fs.existsSync("/etc/debian_version"),
    playwrightChromium,
    exists: (path) => fs.existsSync(path),
  };
}
