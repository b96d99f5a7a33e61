// An admin adds a hirer organization. Slugs are unique; a taken one is a conflict the form can show.
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { TAllOrganizationsScope } from "../data/scope";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors/app-error";
import { ZOrganizationName, ZOrganizationSlug } from "./organization-fields";

export const ZCreateOrganizationInput = z.object({ name: ZOrganizationName, slug: ZOrganizationSlug });
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInput>;

export async function createOrganization(
  db: Db,
  scope: TAllOrganizationsScope,
  input: TCreateOrganizationInput,
): Promise<{ id: string; slug: string; name: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({
        data: { name: input.name, slug: input.slug },
        select: { id: true, slug: true, name: true },
      });
      await recordAudit(tx, {
        actorUserId: scope.actorUserId,
        organizationId: org.id,
        action: "organization.create",
        targetType: "organization",
        targetId: org.id,
        details: { slug: org.slug, name: org.name },
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `The slug "${input.slug}" is taken.`, [
        { path: ["slug"], message: "This slug is taken" },
      ]);
    }
    throw error;
  }
}
