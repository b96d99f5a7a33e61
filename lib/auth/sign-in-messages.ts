// Shared by the server (authorize) and the sign-in form: one message for every failed sign-in.
export const SIGN_IN_FAILED_MESSAGE = "Email or password is incorrect";
