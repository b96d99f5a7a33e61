// A count that opens the delivery log filtered to the rows behind it (the filters live in the URL). Zero
// is plain text: a link to an empty list would only be one more stop for keyboard users.
import Link from "next/link";
import { deliveryListSearch } from "@/lib/delivery-log/delivery-list-search";

export function deliveriesHref(channel: string, state?: string): string {
  return `/deliveries${deliveryListSearch({ channel, state })}`;
}

export function CountLink({
  count,
  channel,
  state,
  label,
  tone = "plain",
}: {
  count: number;
  channel: string;
  state?: string;
  /** what the count is, for assistive technology ("3 failed in the last hour, SEEK signal") */
  label: string;
  tone?: "plain" | "bad";
}) {
  const color = count > 0 && tone === "bad" ? "text-red-700" : "text-slate-900";
  // slate-500 on white is 4.8:1: a zero reads as quiet, yet still meets WCAG AA contrast.
  if (count === 0) return <span className="tabular-nums text-slate-500">0</span>;
  return (
    <Link
      href={deliveriesHref(channel, state)}
      aria-label={`${count} ${label}`}
      className={`rounded-sm font-semibold tabular-nums underline decoration-slate-300 underline-offset-2 hover:decoration-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${color}`}
    >
      {count.toLocaleString("en")}
    </Link>
  );
}
