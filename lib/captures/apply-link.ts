// The URL to give SEEK as a job ad's application URL. It names the organization in the path, so it keeps
// reaching this organization's position whatever any other organization writes later: ATS ids are unique
// per organization only (docs/decisions/0123-apply-link-form.md). The origin is SIGNALHOUSE_PUBLIC_URL
// when set (lib/http/public-origin.ts).
const q = encodeURIComponent;

export function applyLinkFor(
  position: { externalId: string },
  organization: { slug: string },
  publicOrigin: string,
): string {
  return `${publicOrigin.replace(/\/+$/, "")}/apply/${q(organization.slug)}/${q(position.externalId)}`;
}
