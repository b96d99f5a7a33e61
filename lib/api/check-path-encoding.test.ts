import { describe, expect, it } from "vitest";
import { isAppError } from "../errors/app-error";
import { assertPathIsUtf8 } from "./check-path-encoding";

function refusal(url: string, params: Record<string, string>) {
  try {
    assertPathIsUtf8(url, params);
    return undefined;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, issues: error.issues };
  }
}

describe("path ids must be valid UTF-8 once decoded", () => {
  it.each([
    ["%C3%28", "%C3%28"],
    ["%FF", "\uFFFD"],
    ["%ED%A0%80", "\uFFFD\uFFFD\uFFFD"],
  ])("%s is a 400 naming the parameter, whatever Next passed for it", (raw, passed) => {
    expect(refusal(`http://h/api/v1/applications/${raw}/status`, { applicationId: passed })).toEqual({
      status: 400,
      issues: [expect.objectContaining({ path: "path.applicationId" })],
    });
  });

  it("valid escapes pass: %25 is a percent sign, %C3%A9 is é", () => {
    expect(refusal("http://h/api/v1/positions/50%25off", { positionId: "50%off" })).toBeUndefined();
    expect(refusal("http://h/api/v1/positions/caf%C3%A9", { positionId: "café" })).toBeUndefined();
  });
});
