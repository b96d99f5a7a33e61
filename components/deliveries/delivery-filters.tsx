"use client";
// The filters, as an ordinary GET form (it works before the page's script loads); with the script, it
// navigates to a clean URL without empty parameters, so the address can be shared as it is.
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { buttonPrimary, inputClass, linkClass } from "@/components/ui/styles";
import { deliveryListSearch, type TDeliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import { STATE_LABEL } from "./state-badge";

export function DeliveryFilters({
  search,
  organizations,
  channels,
}: {
  search: TDeliveryListSearch;
  organizations: { id: string; name: string }[];
  channels: readonly string[];
}) {
  const router = useRouter();
  const id = useId();
  // The page renders on the server for new filters; until it arrives the old list stays, marked as loading.
  const [loading, startLoading] = useTransition();
  const select = (name: keyof TDeliveryListSearch, label: string, options: { value: string; label: string }[]) => (
    <div className="w-full min-w-0 sm:w-auto sm:max-w-xs sm:flex-1">
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={`${id}-${name}`} name={name} defaultValue={search[name] ?? ""} className={`mt-1 ${inputClass}`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action="/deliveries"
      aria-label="Filter deliveries"
      className="flex flex-wrap items-end gap-3"
      aria-busy={loading}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const value = (name: string) => String(data.get(name) ?? "") || undefined;
        startLoading(() =>
          router.push(
            `/deliveries${deliveryListSearch({ organization: value("organization"), channel: value("channel"), state: value("state") })}`,
          ),
        );
      }}
    >
      {select("organization", "Organization", [
        { value: "", label: "All organizations" },
        ...organizations.map((org) => ({ value: org.id, label: org.name })),
      ])}
      {select("channel", "Channel", [
        { value: "", label: "All channels" },
        ...channels.map((channel) => ({ value: channel, label: channel })),
      ])}
      {select("state", "State", [
        { value: "", label: "All states" },
        ...Object.entries(STATE_LABEL).map(([value, label]) => ({ value, label })),
      ])}
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={loading}>
          {loading ? "Loading…" : "Apply filters"}
        </button>
        {search.organization || search.channel || search.state ? (
          <a href="/deliveries" className={`text-sm ${linkClass}`}>
            Clear
          </a>
        ) : null}
      </div>
    </form>
  );
}
