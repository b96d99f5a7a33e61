// Where to send someone after they sign in. Only a same-origin relative path is ever accepted: a
// callbackUrl is attacker-controlled (it arrives in a link), so anything that could leave this host
// ("//evil.example", "https://…", "/\evil.example", "javascript:…") falls back to "/".
const BASE = "http://signalhouse.invalid";
const MAX_LENGTH = 2048;

export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  // Browsers read "\" as "/" and ignore tabs/newlines in URLs, so "/\evil" and "/\t/evil" leave the host.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into a protocol-relative path: "/a/../..//evil" becomes "//evil".
  if (path.startsWith("//")) return fallback;
  // Coming back to the sign-in page (or next-auth's own routes) after signing in would be a loop.
  if (url.pathname === "/signin" || url.pathname.startsWith("/api/auth")) return fallback;
  return path;
}

/** The sign-in page, remembering where to return to. */
export function signInPath(returnTo?: string): string {
  const path = safeCallbackPath(returnTo, "");
  return path && path !== "/" ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin";
}
