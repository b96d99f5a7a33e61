// Which position an apply link asks for, read from its path and query without touching the database.
// The canonical form names the organization in the path, /apply/{orgSlug}/{positionId}, and reaches only
// that organization's position with that ATS id. The older forms still work: /apply/{positionId}?sh_org=
// means the same as the canonical form, and a bare /apply/{positionId} goes to whichever organization
// owned that id first (docs/decisions/0123-apply-link-form.md). Anything malformed is "no such job":
// a candidate's link must end on the friendly page, never on a 500.
import { z } from "zod";
import { ZOrganizationSlug } from "../organizations/organization-fields";
import { ZExternalId } from "../validation/external-id";
import type { RawParam } from "./split-raw-query";

export const ORG_PARAM = "sh_org";

export type TApplyTarget =
  | { kind: "organization"; orgSlug: string; positionId: string }
  | { kind: "first-owner"; positionId: string };

// PostgreSQL cannot store (or compare against) U+0000 or unpaired surrogates; such an id names no job.
const storable = (value: string) =>
  !value.includes("\u0000") && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
const ZPositionSegment = ZExternalId.refine(storable);
const ZSlugSegment = ZOrganizationSlug;

function decodeOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return undefined; // malformed percent-encoding
  }
}

function orgParam(params: RawParam[]): string | null | undefined {
  const param = params.find((p) => p.name === ORG_PARAM);
  if (!param) return undefined;
  const eq = param.raw.indexOf("=");
  return decodeOrUndefined(eq === -1 ? "" : param.raw.slice(eq + 1)) ?? null;
}

/** The target of an apply link, or null when the link cannot name any job. */
export function parseApplyTarget(segments: readonly string[], params: RawParam[]): TApplyTarget | null {
  const parsed = z.union([z.tuple([ZPositionSegment]), z.tuple([ZSlugSegment, ZPositionSegment])]).safeParse(segments);
  if (!parsed.success) return null;
  if (parsed.data.length === 2) {
    const [orgSlug, positionId] = parsed.data;
    return { kind: "organization", orgSlug, positionId };
  }
  const [positionId] = parsed.data;
  const slug = orgParam(params);
  if (slug === undefined) return { kind: "first-owner", positionId };
  const orgSlug = ZSlugSegment.safeParse(slug);
  return orgSlug.success ? { kind: "organization", orgSlug: orgSlug.data, positionId } : null;
}
