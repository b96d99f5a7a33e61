// One key list for organization and partner keys: the caller's words tell the two apart.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TActionState } from "@/lib/actions/action-state";
import { KeyList, type TKeySummary } from "./key-list";

const revokeAction = async (state: TActionState) => state;
const active: TKeySummary = {
  id: "k1",
  name: "Production ATS",
  prefix: "sh_live_ab",
  createdAt: new Date("2026-11-01T10:00:00Z"),
  lastUsedAt: null,
  revokedAt: null,
};
const revoked: TKeySummary = { ...active, id: "k2", name: "Old ATS", revokedAt: new Date("2026-11-02T10:00:00Z") };

describe("KeyList", () => {
  it("offers Revoke for an active key only, posting its id in the caller's field", () => {
    const html = renderToStaticMarkup(
      <KeyList
        keys={[active, revoked]}
        caption="Keys"
        rowTestId="api-key-row"
        revoke={{ action: revokeAction, idField: "apiKeyId" }}
      />,
    );
    expect(html).toContain('data-testid="api-key-row" data-name="Production ATS"');
    expect(html).toContain('aria-label="Revoke Production ATS"');
    expect(html).toContain('name="apiKeyId" value="k1"');
    expect(html).not.toContain('value="k2"');
    expect(html).toContain("revoked ");
    expect(html).toContain("sh_live_ab…");
  });

  it("names a partner key as one in the revoke form", () => {
    const html = renderToStaticMarkup(
      <KeyList
        keys={[active]}
        caption="Partner keys"
        rowTestId="partner-key-row"
        revoke={{ action: revokeAction, idField: "partnerKeyId", noun: "partner key" }}
      />,
    );
    expect(html).toContain('data-testid="partner-key-row"');
    expect(html).toContain('aria-label="Revoke partner key Production ATS"');
    expect(html).toContain('name="partnerKeyId" value="k1"');
  });
});
