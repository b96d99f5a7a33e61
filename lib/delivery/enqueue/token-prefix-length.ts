// How many leading characters of a seek-token Delivery.tokenPrefix keeps: enough for an admin to find a
// delivery by the token the ATS holds, never enough to use it. Its own module so the dashboard's pure
// search code (also bundled for the browser) can share it.
export const TOKEN_PREFIX_LENGTH = 8;
