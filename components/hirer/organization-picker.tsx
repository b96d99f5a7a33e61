// Admins work in one organization at a time on the hirer pages: a plain GET form (works without
// JavaScript) that reloads the page with ?org=<slug>. Hirers never see it: they have one organization.
import type { TOrganizationRef } from "@/lib/organizations/working-organization";
import { buttonSecondary, inputClass } from "../ui/styles";

export function OrganizationPicker({
  action,
  organizations,
  selected,
}: {
  /** the page's own path, without query */
  action: string;
  organizations: readonly TOrganizationRef[];
  selected: TOrganizationRef;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Choose an organization">
      <div className="w-full min-w-0 sm:w-[28rem]">
        <label htmlFor="org" className="block text-sm font-medium text-slate-700">
          Organization
        </label>
        <select id="org" name="org" defaultValue={selected.slug} className={`mt-1 ${inputClass}`}>
          {organizations.map((org) => (
            <option key={org.id} value={org.slug}>
              {org.name} ({org.slug})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonSecondary}>
        Show
      </button>
    </form>
  );
}
