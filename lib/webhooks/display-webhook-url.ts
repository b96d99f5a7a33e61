// A webhook URL as the admin pages show it. The ATS chose the URL and may have put a secret in its query
// (?token=…): the page shows where the events go, never that. (Credentials, user:pass@, never get here:
// registration refuses them, webhook-url-rules.ts.)
export function displayWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(not a valid URL)";
  }
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? "?…" : ""}`;
}
