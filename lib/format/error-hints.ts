// One table of what the ATS or the hirer can do about each error code a board channel records on a
// delivery (Delivery.lastErrorCode). The v1 API (GET /api/v1/applications/{id}), the admin delivery page
// and the hirer application page all read hints from here, so they never say different things. A code
// not in the table (SEEK says its codes may change) still gets a plain, honest hint.
import { redactSecrets } from "../redaction/redact-secrets";

export type TDeliveryError = { code: string; message: string; hint: string };

export const TOKEN_REFUSED_HINT =
  "SEEK refused the candidate's token: the ATS must send the token exactly as captured, or a fresh one.";

const HINTS: Readonly<Record<string, string>> = {
  // SEEK (GraphQL errors[].extensions.code, lib/seek)
  BAD_USER_INPUT:
    "SEEK refused the signal's content: check the position's SEEK position profile ids and the status; the message names the field SEEK objected to.",
  FORBIDDEN:
    "SEEK says this partner may not act for the hirer: the hirer must link the ATS to its SEEK account, or the organization's SEEK hirer id is wrong.",
  UNAUTHENTICATED:
    "SEEK refused the partner credentials: the operator must check SEEK_CLIENT_ID and SEEK_CLIENT_SECRET.",
  SEEK_TOKEN_NOT_CONFIGURED:
    "SEEK is not configured on this install: the operator must set SEEK_CLIENT_ID and SEEK_CLIENT_SECRET.",
  SEEK_TOKEN_UNAVAILABLE: "SEEK's sign-in service did not answer; the delivery is retried on its own.",
  SEEK_ITEM_UNKNOWN:
    "SEEK does not know the candidate or position this history item names: check the candidate's SEEK profile id and the position's SEEK position profile id.",
  NOT_FOUND:
    "SEEK no longer has this history item (deleted at SEEK?): send it again as a new item if it still matters.",
  INVALID_PAYLOAD: "The stored request could not be sent as it is: send the change again from the ATS.",
  IDENTIFIER_EXPIRED:
    "The SEEK identifier is older than SEEK's 180 days and can no longer be used: nothing more can be sent for it.",
  TOO_MANY_REQUESTS: "SEEK asked us to slow down; the delivery is retried on its own.",
  RATE_LIMITED: "SEEK asked us to slow down; the delivery is retried on its own.",
  TIMEOUT: "SEEK did not answer in time; the delivery is retried on its own.",
  NETWORK_ERROR: "SEEK could not be reached; the delivery is retried on its own.",
  INTERNAL_SERVER_ERROR: "SEEK had an internal error; the delivery is retried on its own.",
  // LinkedIn (lib/linkedin)
  LINKEDIN_NOT_CONFIGURED:
    "LinkedIn is not set up for this organization: the hirer or the operator must enter the LinkedIn integration context and customer-application credentials.",
  LINKEDIN_UNAUTHORIZED:
    "LinkedIn refused the organization's access token: check the organization's LinkedIn client id and secret.",
  LINKEDIN_CREDENTIALS_REJECTED:
    "LinkedIn refused the organization's client id or secret: the hirer or the operator must enter valid LinkedIn credentials.",
  LINKEDIN_TOKEN_UNAVAILABLE: "LinkedIn's sign-in service did not answer; the delivery is retried on its own.",
  LINKEDIN_FORBIDDEN:
    "LinkedIn says this application may not write notes for the organization: check the LinkedIn integration context and the application's permissions.",
  LINKEDIN_BAD_PAYLOAD: "LinkedIn refused the note's content: correct the note in the ATS and send it again.",
  LINKEDIN_RATE_LIMITED: "LinkedIn's limit for this organization is reached; the delivery is retried on its own.",
  LINKEDIN_TIMEOUT: "LinkedIn did not answer in time; the delivery is retried on its own.",
  LINKEDIN_NETWORK: "LinkedIn could not be reached; the delivery is retried on its own.",
};

const UNKNOWN_HINT =
  "The job board refused the delivery with a code Signalhouse does not know yet: an admin can read the attempt log and retry it.";

/** A token named in a SEEK BAD_USER_INPUT message (graphql path `/input/token` or `token: Is not valid`). */
const TOKEN_PROBLEM = /(^|[/\s.])token\b/i;

/** The plain-words hint for a recorded error code and message. */
export function hintForError(code: string | null, message: string | null): string {
  if (code === "BAD_USER_INPUT" && message && TOKEN_PROBLEM.test(message)) return TOKEN_REFUSED_HINT;
  return (code && Object.hasOwn(HINTS, code) ? HINTS[code] : undefined) ?? UNKNOWN_HINT;
}

/**
 * The `error` a failed or dead delivery shows: its code, its redacted message and the hint. `knownSecrets`
 * are values to mask wherever they appear (the seek-token the delivery carried: a raw token has no shape
 * redaction could recognise).
 */
export function deliveryErrorOf(
  code: string | null,
  message: string | null,
  knownSecrets: Iterable<string | null | undefined> = [],
): TDeliveryError {
  return {
    code: code ?? "UNKNOWN",
    message: redactSecrets(message, knownSecrets) ?? "",
    hint: hintForError(code, message),
  };
}

/** The codes with their own hint, for tests and documentation. */
export const HINTED_CODES = Object.keys(HINTS);
