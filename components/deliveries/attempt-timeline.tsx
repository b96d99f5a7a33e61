// Every HTTP request made for a delivery, oldest first: when, which worker, the X-Request-Id SEEK and
// LinkedIn support can look up, the status and error codes, and the bodies (already redacted) as text.
import { Badge } from "@/components/ui/badge";
import type { TAdminDeliveryAttempt } from "@/lib/delivery-log/admin-delivery-types";
import { formatDateTime } from "@/lib/format/format-date-time";

const OUTCOME_TONE: Record<string, "green" | "amber" | "red" | "neutral"> = {
  delivered: "green",
  retry: "amber",
  failed: "red",
  dead: "red",
  expired: "neutral",
};

function Body({ label, text }: { label: string; text: string | null }) {
  if (text === null) return <p className="text-xs text-slate-500">{label}: none recorded</p>;
  return (
    <details className="group rounded-md border border-slate-200">
      <summary className="cursor-pointer select-none rounded-md px-3 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {label} <span className="font-normal text-slate-500">({text.length.toLocaleString("en-US")} characters)</span>
      </summary>
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-800">
        {text}
      </pre>
    </details>
  );
}

export function AttemptTimeline({
  attempts,
  claimed = 0,
}: {
  attempts: TAdminDeliveryAttempt[];
  /** the delivery's attempt count: workers count a try even when no request could be made */
  claimed?: number;
}) {
  if (attempts.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="no-attempts">
        {claimed > 0
          ? `No request has reached the board yet: ${claimed === 1 ? "the attempt so far" : `all ${claimed} attempts so far`} stopped before sending (the last error above says why).`
          : "No attempts yet: nothing has been sent to the board for this delivery."}
      </p>
    );
  }
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5" data-testid="attempts">
      {attempts.map((attempt, index) => (
        <li key={attempt.id} className="relative" data-testid="attempt" data-request-id={attempt.requestId}>
          <span
            aria-hidden
            className="absolute -left-[1.65rem] top-1 h-3 w-3 rounded-full border-2 border-white bg-slate-400 ring-1 ring-slate-300"
          />
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900">Attempt {index + 1}</h3>
            <Badge tone={OUTCOME_TONE[attempt.outcome] ?? "neutral"}>{attempt.outcome}</Badge>
            <span className="text-xs text-slate-500">{formatDateTime(new Date(attempt.startedAt))}</span>
          </div>
          <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-xs sm:grid-cols-4">
            <Fact label="Request id (X-Request-Id)" mono value={attempt.requestId} wide />
            <Fact label="Worker" mono value={attempt.workerId} wide />
            <Fact
              label="HTTP status"
              value={attempt.httpStatus === null ? "no response" : String(attempt.httpStatus)}
            />
            <Fact label="Duration" value={`${attempt.durationMs.toLocaleString("en-US")} ms`} />
            <Fact label="Batch" value={attempt.batchSize > 1 ? `${attempt.batchSize} deliveries` : "sent alone"} />
            <Fact
              label="Error codes"
              mono
              value={attempt.errorCodes.length > 0 ? attempt.errorCodes.join(", ") : "—"}
            />
          </dl>
          {attempt.errorMessage ? (
            <p className="mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 [overflow-wrap:anywhere]">
              {attempt.errorMessage}
            </p>
          ) : null}
          <div className="mt-2 space-y-2">
            <Body label="Request body" text={attempt.requestBody} />
            <Body label="Response body" text={attempt.responseBody} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function Fact({
  label,
  value,
  mono = false,
  wide = false,
}: {
  label: string;
  value: string;
  mono?: boolean;
  wide?: boolean;
}) {
  return (
    <div className={`min-w-0 ${wide ? "col-span-2" : ""}`}>
      <dt className="text-[0.7rem] font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-slate-800 [overflow-wrap:anywhere] ${mono ? "font-mono" : ""}`}>{value}</dd>
    </div>
  );
}
