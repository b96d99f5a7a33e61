import { describe, expect, it } from "vitest";
import { deliveryErrorOf, HINTED_CODES, hintForError, TOKEN_REFUSED_HINT } from "./error-hints";

describe("error hints", () => {
  it("tells the ATS to resend the token when SEEK refuses it, whatever the signal's index", () => {
    expect(hintForError("BAD_USER_INPUT", "/input/token: Is not valid")).toBe(TOKEN_REFUSED_HINT);
    expect(hintForError("BAD_USER_INPUT", "/input/signals/3/token: Is not valid")).toBe(TOKEN_REFUSED_HINT);
  });

  it("gives other BAD_USER_INPUT a content hint, not the token hint", () => {
    const hint = hintForError("BAD_USER_INPUT", "/input/positionProfile/profileId: Is not valid");
    expect(hint).not.toBe(TOKEN_REFUSED_HINT);
    expect(hint).toMatch(/position profile/);
  });

  it("has a distinct, non-empty hint for every known code and a fallback for unknown ones", () => {
    for (const code of HINTED_CODES) expect(hintForError(code, "x").length).toBeGreaterThan(20);
    expect(hintForError("SOMETHING_NEW", "x")).toMatch(/does not know/);
    expect(hintForError(null, null)).toMatch(/does not know/);
    // a code that is an Object.prototype name is still "unknown", not a function's source
    expect(hintForError("toString", "x")).toMatch(/does not know/);
  });

  it("redacts the message it shows", () => {
    const token = "eyJqb2JJZCI6IjEyMzQ1Njc4OTAiLCJ0eXBlIjoic2VlayJ9";
    const error = deliveryErrorOf("BAD_USER_INPUT", `token ${token} is not valid`);
    expect(error.message).not.toContain(token);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", hint: TOKEN_REFUSED_HINT });
  });
});
