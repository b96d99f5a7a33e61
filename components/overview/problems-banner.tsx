// The overview's first answer: everything fine, or what needs a person, worst first, each linking to the
// rows behind it. A status region, so a screen reader hears when the answer changes.
import Link from "next/link";
import type { TProblem } from "@/lib/dashboard/overview-problems";

export function ProblemsBanner({ problems, delivering }: { problems: TProblem[]; delivering: boolean }) {
  const critical = problems.some((p) => p.severity === "critical");
  if (problems.length === 0) {
    const text = delivering
      ? "All channels are healthy: workers alive, nothing failed in the last hour, p99 within SEEK's 60 s."
      : "Nothing needs attention: a worker is alive and nothing failed in the last hour (nothing was delivered in it either).";
    return (
      <div
        role="status"
        className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        data-testid="overview-summary"
      >
        <p className="font-medium">{text}</p>
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="overview-summary"
      className={`rounded-lg border px-4 py-3 text-sm ${critical ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
    >
      <p className="font-semibold">
        {problems.length === 1 ? "1 thing needs attention" : `${problems.length} things need attention`}
      </p>
      <ul className="mt-1.5 space-y-1">
        {problems.map((problem) => (
          <li key={problem.text} className="flex gap-2">
            <span
              aria-hidden
              className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${problem.severity === "critical" ? "bg-red-600" : "bg-amber-500"}`}
            />
            <span>
              <span className="sr-only">{problem.severity === "critical" ? "Critical: " : "Warning: "}</span>
              {problem.text}
              {problem.href ? (
                <>
                  {" "}
                  <Link
                    href={problem.href}
                    className="font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    {problem.linkText ?? "Show deliveries"}
                  </Link>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
