// What the ATS sends to configure the portal and to open it for one of its users (zod at the boundary).
import { z } from "zod";
import { ZExternalId } from "../validation/external-id";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * An origin that may frame the portal: `https://host[:port]` exactly (a trailing "/" is dropped). Plain
 * http only for localhost, so a production portal is never framed over an unencrypted page.
 */
export const ZFrameOrigin = z
  .string()
  .max(300, "must be at most 300 characters")
  .transform((value, ctx) => {
    const trimmed = value.trim().replace(/\/$/, "");
    const url = URL.canParse(trimmed) ? new URL(trimmed) : null;
    const problem = !url
      ? "must be an origin such as https://ats.example.com"
      : url.protocol !== "https:" && url.protocol !== "http:"
        ? "must start with https://"
        : url.protocol === "http:" && !LOCAL_HOSTS.has(url.hostname)
          ? "must use https:// (http:// only for localhost)"
          : url.origin !== trimmed || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)
            ? "must be an origin only, such as https://ats.example.com (no path, query, wildcard or credentials)"
            : null;
    if (problem || !url) {
      ctx.addIssue({ code: "custom", message: problem ?? "is not an origin" });
      return z.NEVER;
    }
    return url.origin;
  });

export const ZPortalSettingsInput = z.object({
  allowedOrigins: z
    .array(ZFrameOrigin)
    .min(1, "name at least one origin that may show the portal")
    .max(20, "at most 20 origins"),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #rrggbb, such as #2557a7")
    .transform((c) => c.toLowerCase())
    .optional(),
});
export type TPortalSettingsInput = z.infer<typeof ZPortalSettingsInput>;

export const PORTAL_ROLES = ["hirer", "viewer"] as const;
export type TPortalRole = (typeof PORTAL_ROLES)[number];

/** Links live 60 s to 7 days; the session a link starts, at most 12 hours. */
export const LINK_MIN_SECONDS = 60;
export const LINK_MAX_SECONDS = 7 * 24 * 60 * 60;
export const LINK_DEFAULT_SECONDS = 600;
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

/** The hirer page a link opens: the pipelines, positions, one of them, or one application. */
export const ZPortalPage = z
  .string()
  .max(300, "must be at most 300 characters")
  .regex(
    /^\/(pipelines|positions)(\/[^\s/?#]+)?$|^\/applications\/[^\s/?#]+$/,
    "must be /pipelines, /pipelines/<key>, /positions, /positions/<id> or /applications/<id>",
  );

export const ZPortalSessionInput = z.object({
  user: z.object({
    id: ZExternalId,
    name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    email: z.email("must be an email address").max(320).optional(),
  }),
  role: z.enum(PORTAL_ROLES, "must be hirer or viewer").default("hirer"),
  page: ZPortalPage.default("/pipelines"),
  expiresInSeconds: z
    .number("must be a number of seconds")
    .int("must be a whole number of seconds")
    .min(LINK_MIN_SECONDS, `must be at least ${LINK_MIN_SECONDS} seconds`)
    .max(LINK_MAX_SECONDS, `must be at most ${LINK_MAX_SECONDS} seconds (7 days)`)
    .default(LINK_DEFAULT_SECONDS),
});
export type TPortalSessionInput = z.infer<typeof ZPortalSessionInput>;

export const ZEndPortalSessionsQuery = z.object({ userId: ZExternalId });
