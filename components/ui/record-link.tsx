// A table row's name cell: the record's name linking to its page (long names wrap anywhere rather than
// widen the table) and, under it, a small line of details, often what hidden columns say on a phone.
import Link from "next/link";
import type { ReactNode } from "react";
import { linkClass } from "./styles";

export function RecordLink({
  href,
  children,
  details,
  detailsClassName = "",
}: {
  href: string;
  children: ReactNode;
  details?: ReactNode;
  /** e.g. `font-mono` for an id, `sm:hidden` when a column shows the same from `sm` up */
  detailsClassName?: string;
}) {
  return (
    <>
      <Link href={href} className={`${linkClass} [overflow-wrap:anywhere]`}>
        {children}
      </Link>
      {details ? (
        <p className={`mt-0.5 text-xs text-slate-500 [overflow-wrap:anywhere] ${detailsClassName}`}>{details}</p>
      ) : null}
    </>
  );
}
