// What an organization looks like outside the database layer, and the input rules for its forms.
// The encrypted LinkedIn client secret is never part of these selects: it is read only by the code
// that decrypts it for a board call, or to build its masked label.
import { z } from "zod";

export const ORGANIZATION_SUMMARY_SELECT = {
  id: true,
  slug: true,
  name: true,
  seekHirerId: true,
  linkedinIntegrationContext: true,
  linkedinClientId: true,
  createdAt: true,
} as const;

/** lowercase letters, digits and dashes, not at either end */
export const ORGANIZATION_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const ZOrganizationSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters")
  .max(63, "Use at most 63 characters")
  .regex(ORGANIZATION_SLUG_PATTERN, "Use lowercase letters, digits and dashes (not at either end)");

export const ZOrganizationName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");

/** Optional text settings: an empty field clears the value. */
const optionalSetting = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((v) => (v === "" ? null : v));

export const ZIntegrationSettingsInput = z.object({
  organizationId: z.string().min(1),
  seekHirerId: optionalSetting(200),
  linkedinIntegrationContext: optionalSetting(500),
  linkedinClientId: optionalSetting(200),
  /** write-only: empty keeps the stored secret, a value replaces it */
  linkedinClientSecret: z
    .string()
    .max(1000, "Use at most 1000 characters")
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined)),
  /** a checkbox: present ("on") when ticked, absent otherwise */
  clearLinkedinClientSecret: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type TIntegrationSettingsInput = z.infer<typeof ZIntegrationSettingsInput>;
