// The e2e tier's browser plan, decided from injected facts: no real install runs here.
import { describe, expect, it } from "vitest";
import { planChromium, type TChromiumFacts } from "./chromium";

const PLAYWRIGHT = "/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";
const MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";

const facts = (over: Partial<TChromiumFacts> & { present?: string[] } = {}): TChromiumFacts => {
  const present = new Set(over.present ?? []);
  return {
    chromiumPath: undefined,
    platform: "linux",
    uid: 1000,
    debian: true,
    playwrightChromium: PLAYWRIGHT,
    exists: (path) => present.has(path),
    ...over,
  };
};

describe("which Chromium the end-to-end tests get", () => {
  it("CHROMIUM_PATH wins when it exists, and is the only answer when it does not (a typo never falls back)", () => {
    expect(planChromium(facts({ chromiumPath: "/opt/c", present: ["/opt/c", "/usr/bin/chromium"] }))).toEqual([
      { kind: "use", path: "/opt/c", why: "CHROMIUM_PATH" },
    ]);
    const missing = planChromium(facts({ chromiumPath: "/opt/nope", uid: 0, present: ["/usr/bin/chromium"] }));
    expect(missing).toEqual([{ kind: "fail", message: expect.stringContaining("CHROMIUM_PATH is set to /opt/nope") }]);
  });

  it("a browser on the disk before any download: Playwright's own build first, then the system's", () => {
    expect(planChromium(facts({ present: [PLAYWRIGHT, "/usr/bin/chromium"] }))).toEqual([
      { kind: "use", path: PLAYWRIGHT, why: "Playwright's downloaded Chromium" },
    ]);
    expect(planChromium(facts({ present: ["/usr/bin/google-chrome"] }))).toEqual([
      { kind: "use", path: "/usr/bin/google-chrome", why: "the system's browser" },
    ]);
    expect(planChromium(facts({ platform: "darwin", debian: false, present: [MAC_CHROME] }))).toEqual([
      { kind: "use", path: MAC_CHROME, why: "the system's browser" },
    ]);
  });

  it("root on Debian with nothing installed: Playwright's download, then apt-get, then one line of failure", () => {
    expect(planChromium(facts({ uid: 0 }))).toEqual([
      { kind: "playwright-install", expect: PLAYWRIGHT },
      { kind: "apt-install", expect: "/usr/bin/chromium" },
      { kind: "fail", message: expect.stringMatching(/^No Chromium .*apt-get both failed.*CHROMIUM_PATH\.$/) },
    ]);
  });

  it("never apt-get unless root on Debian Linux; the failure says what to do instead, in one line", () => {
    for (const who of [
      facts({ uid: 1000 }),
      facts({ uid: 0, debian: false }),
      facts({ platform: "darwin", uid: 0, debian: false }),
    ]) {
      const plan = planChromium(who);
      expect(plan.map((step) => step.kind)).toEqual(["playwright-install", "fail"]);
      const last = plan.at(-1);
      expect(last?.kind === "fail" && !last.message.includes("\n")).toBe(true);
    }
    expect(planChromium(facts({ uid: 1000 })).at(-1)).toMatchObject({
      message: expect.stringContaining("sudo apt-get"),
    });
    expect(planChromium(facts({ platform: "darwin", debian: false })).at(-1)).toMatchObject({
      message: expect.stringContaining("Google Chrome"),
    });
  });
});
