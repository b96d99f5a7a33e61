// Before the first delivery: say that nothing is wrong, and what makes deliveries appear.
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

export function OverviewEmpty() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-5 py-6" data-testid="overview-empty">
      <h2 className="text-base font-semibold text-slate-900">No deliveries yet</h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Nothing has been queued for SEEK or LinkedIn. Deliveries appear here when the ATS reports status changes,
        history items or notes through the API. To get there:
      </p>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>
          <Link href="/admin/organizations" className={linkClass}>
            Add an organization
          </Link>{" "}
          and its SEEK and LinkedIn settings.
        </li>
        <li>
          <Link href="/admin/api-keys" className={linkClass}>
            Create an API key
          </Link>{" "}
          for the ATS and have it call the v1 API.
        </li>
      </ol>
    </div>
  );
}
