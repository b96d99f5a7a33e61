// The role and organization a user gets: the same two fields when an admin adds a user and when they
// change one's role (a hirer needs an organization; an admin's is ignored, lib/users/user-role-rules.ts).
import { SelectField } from "@/components/forms/field";

export type TOrganizationChoice = { id: string; name: string; slug: string };

export function RoleFields({
  organizations,
  role = "hirer",
  organizationId = "",
}: {
  organizations: TOrganizationChoice[];
  role?: "admin" | "hirer";
  organizationId?: string;
}) {
  return (
    <>
      <SelectField
        name="role"
        label="Role"
        defaultValue={role}
        options={[
          { value: "hirer", label: "Hirer (one organization)" },
          { value: "admin", label: "Administrator (all organizations)" },
        ]}
      />
      <SelectField
        name="organizationId"
        label="Organization"
        hint="Required for a hirer; ignored for an administrator."
        defaultValue={organizationId}
        options={[
          { value: "", label: "Choose an organization…" },
          ...organizations.map((org) => ({ value: org.id, label: `${org.name} (${org.slug})` })),
        ]}
      />
    </>
  );
}
