// A webhook URL as the admin pages show it. The ATS chose the URL and may have put a secret in its query
// (?token=…): the page shows where the events go, never that. Credentials (user:pass@) are refused at
// registration (webhook-url-rules.ts); hidden here too, should a stored URL ever carry them.
export function displayWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(not a valid URL)";
  }
  const credentials = parsed.username || parsed.password ? "•••@" : "";
  const query = parsed.search ? "?…" : "";
  return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}${query}`;
}
