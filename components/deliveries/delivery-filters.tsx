"use client";
// The filters and the search box, as an ordinary GET form (it works before the page's script loads); with
// the script, it navigates to a clean URL without empty parameters, so the address can be shared as it is.
// A search term that can only be a seek-token is cut to its stored prefix first, so a pasted token never
// lands in an address, a history or a log.
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { buttonPrimary, inputClass, linkClass } from "@/components/ui/styles";
import { searchTermForUrl } from "@/lib/delivery-log/classify-search";
import {
  DELIVERY_LIST_SEARCH_KEYS,
  deliveryListSearch,
  type TDeliveryListSearch,
  withoutCursor,
} from "@/lib/delivery-log/delivery-list-search";
import { DELIVERY_KINDS } from "@/lib/delivery-log/delivery-log-filter";
import { STATE_LABEL } from "./state-badge";

type Field = Exclude<keyof TDeliveryListSearch, "cursor">;

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
  const label = (name: Field, text: string) => (
    <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-slate-700">
      {text}
    </label>
  );
  const box = "w-full min-w-0 sm:w-[calc(50%-0.375rem)] lg:w-[calc(25%-0.5625rem)]";
  const select = (name: Field, text: string, options: { value: string; label: string }[]) => (
    <div className={box}>
      {label(name, text)}
      <select id={`${id}-${name}`} name={name} defaultValue={search[name] ?? ""} className={`mt-1 ${inputClass}`}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const input = (name: Field, text: string, props: { type?: string; placeholder?: string; hint?: string } = {}) => (
    <div className={box}>
      {label(name, text)}
      <input
        id={`${id}-${name}`}
        name={name}
        type={props.type ?? "text"}
        defaultValue={search[name] ?? ""}
        placeholder={props.placeholder}
        aria-describedby={props.hint ? `${id}-${name}-hint` : undefined}
        className={`mt-1 ${inputClass}`}
      />
      {props.hint ? (
        <p id={`${id}-${name}-hint`} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
  const filtered = Object.keys(withoutCursor(search)).length > 0;
  const moreFiltersSet = Boolean(
    search.kind ||
      search.application ||
      search.position ||
      search.candidate ||
      search.webhook ||
      search.error ||
      search.from ||
      search.to,
  );
  return (
    <form
      method="get"
      action="/deliveries"
      aria-label="Filter deliveries"
      className="flex flex-wrap items-start gap-3"
      aria-busy={loading}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const next: TDeliveryListSearch = {};
        for (const key of DELIVERY_LIST_SEARCH_KEYS) {
          const value = String(data.get(key) ?? "").trim();
          if (value && key !== "cursor") next[key] = key === "q" ? searchTermForUrl(value) : value;
        }
        startLoading(() => router.push(`/deliveries${deliveryListSearch(next)}`));
      }}
    >
      <div className="w-full">
        {label("q", "Search")}
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          defaultValue={search.q ?? ""}
          placeholder="Delivery id, X-Request-Id, application id or the first characters of a seek-token"
          aria-describedby={`${id}-q-hint`}
          className={`mt-1 ${inputClass}`}
        />
        <p id={`${id}-q-hint`} className="mt-1 text-xs text-slate-500">
          Seek-tokens are stored only as their first 8 characters: paste a token and only those are searched.
        </p>
      </div>
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
        ...Object.entries(STATE_LABEL).map(([value, text]) => ({ value, label: text })),
      ])}
      {/* The rarer filters fold away (open when one is set), so on a phone the list is not pushed far down. */}
      <details className="group w-full" open={moreFiltersSet}>
        <summary className="cursor-pointer text-sm font-medium text-indigo-700 focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          More filters: signal type, application, position, candidate, webhook, error code, time
        </summary>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          {select("kind", "Signal type", [
            { value: "", label: "All types" },
            ...DELIVERY_KINDS.map((kind) => ({ value: kind, label: kind })),
          ])}
          {input("application", "Application id", { placeholder: "ATS id or Signalhouse id" })}
          {input("position", "Position id", { placeholder: "ATS id or Signalhouse id" })}
          {input("candidate", "Candidate id", { placeholder: "ATS id or Signalhouse id" })}
          {input("webhook", "Webhook id", { placeholder: "the ATS's id for the webhook" })}
          {input("error", "Error code", { placeholder: "SEEK_5XX, or NONE" })}
          <div className="flex w-full min-w-0 gap-2 lg:w-[calc(50%-0.375rem)]">
            <div className="min-w-0 flex-1">
              {label("from", "Created from (UTC)")}
              <input
                id={`${id}-from`}
                name="from"
                type="datetime-local"
                defaultValue={search.from ?? ""}
                className={`mt-1 ${inputClass}`}
              />
            </div>
            <div className="min-w-0 flex-1">
              {label("to", "Created to (UTC)")}
              <input
                id={`${id}-to`}
                name="to"
                type="datetime-local"
                defaultValue={search.to ?? ""}
                className={`mt-1 ${inputClass}`}
              />
            </div>
          </div>
        </div>
      </details>
      <div className="flex w-full items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={loading}>
          {loading ? "Loading…" : "Apply filters"}
        </button>
        {filtered ? (
          <a href="/deliveries" className={`text-sm ${linkClass}`}>
            Clear
          </a>
        ) : null}
      </div>
    </form>
  );
}
