// The partner API's request shapes. A slug in the path must already be in its stored form: the admin
// form lowercases what a person types, but a URL that names "Acme" is refused, not silently read as "acme".
import { z } from "zod";
import { ORGANIZATION_SLUG_PATTERN, ZOrganizationName } from "../organizations/organization-fields";

export const ZSlugParams = z.object({
  slug: z
    .string()
    .min(2, "Use at least 2 characters")
    .max(63, "Use at most 63 characters")
    .regex(ORGANIZATION_SLUG_PATTERN, "Use lowercase letters, digits and dashes (not at either end)"),
});

const setting = (max: number) =>
  z.string().trim().min(1, "Use null to clear it").max(max, `Use at most ${max} characters`);

/**
 * PUT replaces what it describes: an omitted setting is cleared. The LinkedIn client secret is the one
 * exception, because it is write-only: omitted keeps the stored secret (a client that PUTs back what it
 * read must not erase it), null clears it, a value replaces it (docs/decisions/0141-provisioning-api.md).
 */
export const ZPutOrganizationBody = z
  .object({
    name: ZOrganizationName,
    seekHirerId: setting(200).nullable().optional(),
    linkedin: z
      .object({
        integrationContext: setting(500).nullable().optional(),
        clientId: setting(200).nullable().optional(),
        clientSecret: z.string().min(1, "Use null to clear it").max(1000).nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TPutOrganizationBody = z.infer<typeof ZPutOrganizationBody>;

export const ZOrganizationListQuery = z
  .object({
    /** the last slug of the previous page (its `nextCursor`) */
    cursor: z.string().max(63).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TOrganizationListQuery = z.infer<typeof ZOrganizationListQuery>;

export const ZCreateOrganizationKeyBody = z
  .object({
    name: z.string().trim().min(1, "Name the key (e.g. where it is used)").max(100, "Use at most 100 characters"),
  })
  .strict();

export const ZOrganizationKeyParams = ZSlugParams.extend({ apiKeyId: z.string().min(1).max(100) });
