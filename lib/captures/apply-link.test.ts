import { describe, expect, it } from "vitest";
import { applyLinkFor } from "./apply-link";
import { parseApplyTarget } from "./apply-target";
import { splitRawQuery } from "./split-raw-query";

describe("applyLinkFor", () => {
  it("names the organization in the path, so a shared ATS id never breaks it", () => {
    expect(applyLinkFor({ externalId: "JOB-1" }, { slug: "acme" }, "https://sh.example.com")).toBe(
      "https://sh.example.com/apply/acme/JOB-1",
    );
  });

  it("encodes ATS ids, which may hold any character but whitespace, '/', '?' and '#'", () => {
    expect(applyLinkFor({ externalId: "a&b=%c+é" }, { slug: "acme" }, "https://sh.example.com/")).toBe(
      "https://sh.example.com/apply/acme/a%26b%3D%25c%2B%C3%A9",
    );
  });

  it("reads back, through the route's parser, as exactly that organization and position", () => {
    const link = new URL(applyLinkFor({ externalId: "a&b=%c+é" }, { slug: "acme" }, "https://sh.example.com"));
    // Next hands a route its path segments decoded.
    const segments = link.pathname.split("/").slice(2).map(decodeURIComponent);
    expect(parseApplyTarget(segments, [])).toEqual({ kind: "organization", orgSlug: "acme", positionId: "a&b=%c+é" });
  });
});

describe("parseApplyTarget", () => {
  it("reads /apply/{org}/{id} as that organization's position, whatever sh_org says", () => {
    expect(parseApplyTarget(["acme", "JOB-1"], splitRawQuery("?sh_org=other"))).toEqual({
      kind: "organization",
      orgSlug: "acme",
      positionId: "JOB-1",
    });
  });

  it("reads the older /apply/{id}?sh_org={org} the same way, and a bare /apply/{id} as 'whoever owned it first'", () => {
    expect(parseApplyTarget(["JOB-1"], splitRawQuery("?a=1&sh_org=acme"))).toEqual({
      kind: "organization",
      orgSlug: "acme",
      positionId: "JOB-1",
    });
    expect(parseApplyTarget(["JOB-1"], splitRawQuery("?a=1"))).toEqual({ kind: "first-owner", positionId: "JOB-1" });
  });

  it("finds no job, rather than failing, for malformed percent-encoding, unstorable text or a bad shape", () => {
    expect(parseApplyTarget(["JOB-1"], splitRawQuery("?sh_org=%E0%A4%A"))).toBeNull();
    expect(parseApplyTarget(["JOB-1"], splitRawQuery("?sh_org="))).toBeNull();
    expect(parseApplyTarget(["JOB-1"], splitRawQuery("?sh_org=Not a slug!"))).toBeNull();
    expect(parseApplyTarget(["JOB\u00001"], [])).toBeNull();
    expect(parseApplyTarget(["JOB\uD8001"], [])).toBeNull();
    expect(parseApplyTarget(["not a slug", "JOB-1"], [])).toBeNull();
    expect(parseApplyTarget(["acme", "JOB-1", "more"], [])).toBeNull();
    expect(parseApplyTarget([], [])).toBeNull();
    expect(parseApplyTarget(["x".repeat(201)], [])).toBeNull();
  });
});
