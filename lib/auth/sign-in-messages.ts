// Shared by the server (authorize) and the sign-in form: one message for every failed sign-in, and one
// for an address locked after too many failures (sign-in-throttle.ts), which says nothing about whether
// the account exists.
export const SIGN_IN_FAILED_MESSAGE = "Email or password is incorrect";

/** next-auth passes an error thrown by authorize() to the client as `error`; this is ours. */
export const SIGN_IN_LOCKED_CODE = "TooManySignInAttempts";
export const SIGN_IN_LOCKED_MESSAGE =
  "Too many failed sign-ins for this email address. Wait 15 minutes, then try again.";

export function signInErrorMessage(code: string | null | undefined): string {
  return code === SIGN_IN_LOCKED_CODE ? SIGN_IN_LOCKED_MESSAGE : SIGN_IN_FAILED_MESSAGE;
}
