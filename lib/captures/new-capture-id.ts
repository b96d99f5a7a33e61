// Capture ids travel through the candidate's browser (sh_capture), so they are unguessable.
import { randomBytes } from "node:crypto";

export function newCaptureId(): string {
  return `cap_${randomBytes(18).toString("base64url")}`;
}
