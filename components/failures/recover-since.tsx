"use client";
// "Recover everything that failed since …": pick a moment (UTC), see what gave up since then by channel
// and error, confirm the total, and it is all sent again. Two steps through the server, like every bulk
// change (use-confirmed-change.tsx).
import { useId, useState } from "react";
import { formOf, useConfirmedChange } from "@/components/deliveries/use-confirmed-change";
import { buttonPrimary, inputClass } from "@/components/ui/styles";
import { IDLE_STATE } from "@/lib/actions/action-state";
import { countFailedSinceAction, recoverFailedSinceAction } from "@/lib/actions/recover-failed-since";
import { plural } from "@/lib/format/plural";

export function RecoverSince({ defaultSince }: { defaultSince: string }) {
  const id = useId();
  const [since, setSince] = useState(defaultSince);
  const { ask, busy, ui } = useConfirmedChange({ confirm: "recover-confirm", result: "recover-result" });

  const count = () =>
    ask(async () => {
      const counted = await countFailedSinceAction(IDLE_STATE, formOf({ since }));
      if (counted.status !== "ok") return counted;
      const plan = counted.data;
      if (plan.total === 0) {
        return { ...counted, data: { nothing: `Nothing failed or died since ${since} UTC.` } };
      }
      return {
        ...counted,
        data: {
          prompt: {
            title: `Retry ${plural(plan.total)} that failed since ${since} UTC?`,
            description: (
              <span className="block">
                They become pending and due now, in every organization.
                <span className="mt-2 block" data-testid="recover-breakdown">
                  {plan.byChannelAndError.map((row) => (
                    <span key={`${row.channel}:${row.errorCode}`} className="block font-mono text-xs text-slate-800">
                      {row.channel} · {row.errorCode}: {row.count}
                    </span>
                  ))}
                </span>
              </span>
            ),
            confirmLabel: `Retry ${plan.total}`,
            tone: "primary",
            change: () => recoverFailedSinceAction(IDLE_STATE, formOf({ since, confirmedCount: plan.total })),
          },
        },
      };
    });

  return (
    <form
      aria-label="Recover failed deliveries"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        count();
      }}
    >
      <div className="min-w-0">
        <label htmlFor={`${id}-since`} className="block text-sm font-medium text-slate-700">
          Failed or died since (UTC)
        </label>
        <input
          id={`${id}-since`}
          type="datetime-local"
          required
          value={since}
          onChange={(event) => setSince(event.target.value)}
          className={`mt-1 ${inputClass}`}
        />
      </div>
      <button type="submit" className={buttonPrimary} disabled={busy}>
        Count and recover…
      </button>
      <div className="basis-full">{ui}</div>
    </form>
  );
}
