// An apply link, once handed out, keeps reaching the same organization's position whatever any other
// organization writes later (api-v1.md, Extensions → Reading back; docs/decisions/0123).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as apply } from "@/app/apply/[...path]/route";
import { applyLinkFor } from "@/lib/captures/apply-link";
import { ZPositionInput } from "@/lib/positions/position-input";
import { upsertPosition } from "@/lib/positions/upsert-position";
import { orgScope } from "@/test/support/org-scope";
import { type ApiHarness, openApiHarness } from "../support/api-harness";
import { databasesUnderTest } from "../support/test-databases";

const ORIGIN = "https://sh.example.com";

describe.each(databasesUnderTest())("apply links across organizations on %s", (kind) => {
  let h: ApiHarness;
  const orgs: Record<"a" | "b", { id: string; slug: string }> = { a: { id: "", slug: "" }, b: { id: "", slug: "" } };
  let aInternalId: string;

  const putPosition = (org: "a" | "b", positionId: string) =>
    h.prisma.$transaction((tx) =>
      upsertPosition(tx, orgScope(orgs[org].id, "system"), {
        positionId,
        body: ZPositionInput.parse({
          title: `${org} ${positionId}`,
          applyUrl: `https://ats-${org}.example.com/jobs/${positionId}/apply`,
          seekPositionProfileIds: [],
        }),
      }),
    );

  // As Next calls the route: path segments decoded; the peer address as scripts/serve.mjs stamps it.
  let client = 0;
  const get = (link: string) => {
    const url = new URL(link, ORIGIN);
    const path = url.pathname.split("/").slice(2).map(decodeURIComponent);
    client += 1;
    return apply(new Request(url, { headers: { "x-signalhouse-peer-address": `192.0.2.${client % 250}` } }), {
      params: Promise.resolve({ path }),
    });
  };
  const landsAt = async (link: string) => {
    const response = await get(`${link}${link.includes("?") ? "&" : "?"}seek-token=tok-${kind}`);
    if (response.status !== 303) return response.status;
    const location = new URL(response.headers.get("location")!);
    const capture = await h.prisma.seekTokenCapture.findUniqueOrThrow({
      where: { id: location.searchParams.get("sh_capture")! },
      select: { organizationId: true, position: { select: { externalId: true } } },
    });
    return { host: location.host, organizationId: capture.organizationId, positionId: capture.position?.externalId };
  };

  beforeAll(async () => {
    h = await openApiHarness(kind);
    for (const key of ["a", "b"] as const) {
      const org = await h.prisma.organization.create({ data: { slug: `org-${key}`, name: `Org ${key}` } });
      orgs[key] = { id: org.id, slug: org.slug };
    }
    await putPosition("a", "JOB-1");
    aInternalId = (await h.prisma.position.findFirstOrThrow({ where: { organizationId: orgs.a.id } })).id;
  });
  afterAll(async () => h?.close());

  it("another organization creating the same ATS id later leaves A's old and new links reaching A", async () => {
    const atA = { host: "ats-a.example.com", organizationId: orgs.a.id, positionId: "JOB-1" };
    expect(await landsAt("/apply/JOB-1")).toEqual(atA);
    await putPosition("b", "JOB-1");
    expect(await landsAt("/apply/JOB-1")).toEqual(atA);
    expect(await landsAt(`/apply/${orgs.a.slug}/JOB-1`)).toEqual(atA);
    expect(await landsAt(`/apply/JOB-1?sh_org=${orgs.a.slug}`)).toEqual(atA);
    expect(await landsAt(applyLinkFor({ externalId: "JOB-1" }, orgs.a, ORIGIN))).toEqual(atA);
    // B's own link reaches B's position
    expect(await landsAt(applyLinkFor({ externalId: "JOB-1" }, orgs.b, ORIGIN))).toEqual({
      host: "ats-b.example.com",
      organizationId: orgs.b.id,
      positionId: "JOB-1",
    });
  });

  it("another organization using A's internal id as its ATS id does not break or take A's link", async () => {
    await putPosition("b", aInternalId);
    expect(await landsAt(`/apply/${aInternalId}`)).toMatchObject({ organizationId: orgs.a.id, positionId: "JOB-1" });
    expect(await landsAt(`/apply/${orgs.b.slug}/${aInternalId}`)).toMatchObject({ organizationId: orgs.b.id });
  });

  it("the organization's form never reaches another organization's position, nor an internal id", async () => {
    await putPosition("b", "ONLY-B");
    expect(await landsAt(`/apply/${orgs.a.slug}/ONLY-B`)).toBe(404);
    expect(await landsAt(`/apply/ONLY-B?sh_org=${orgs.a.slug}`)).toBe(404);
    expect(await landsAt(`/apply/${orgs.a.slug}/${aInternalId}`)).toBe(404);
    expect(await landsAt(`/apply/no-such-org/JOB-1`)).toBe(404);
  });

  it("a malformed sh_org or position id is the friendly 404 page, never a 500", async () => {
    for (const link of ["/apply/JOB-1?sh_org=%E0%A4%A", "/apply/JOB%001", "/apply/org-a/JOB-1/extra"]) {
      const response = await get(link);
      expect(response.status, link).toBe(404);
      expect(await response.text()).toContain("Job not found");
    }
    const loneSurrogate = await apply(
      new Request(`${ORIGIN}/apply/x`, { headers: { "x-signalhouse-peer-address": "192.0.2.251" } }),
      { params: Promise.resolve({ path: ["JOB\uD8001"] }) },
    );
    expect(loneSurrogate.status).toBe(404);
  });
});
