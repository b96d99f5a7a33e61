// An admin opened a record by an ATS id that several organizations use: say so and let them pick.
import Link from "next/link";
import type { TOrganizationRef } from "@/lib/organizations/working-organization";
import { Card } from "../ui/card";
import { linkClass } from "../ui/styles";

export function OrganizationChooser({
  what,
  organizations,
  hrefFor,
}: {
  what: string;
  organizations: readonly TOrganizationRef[];
  hrefFor: (org: TOrganizationRef) => string;
}) {
  return (
    <Card
      title="Which organization?"
      description={`Several organizations have ${what}. ATS ids are unique per organization only.`}
    >
      <ul className="space-y-2 text-sm">
        {organizations.map((org) => (
          <li key={org.id}>
            <Link href={hrefFor(org)} className={linkClass}>
              {org.name}
            </Link>{" "}
            <span className="font-mono text-xs text-slate-500">{org.slug}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
