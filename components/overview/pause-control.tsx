"use client";
// Pause / Resume for one channel, as a server action. Pausing asks first (it stops a whole channel for
// every organization). The result is said in words beside the button, and the overview is fetched again
// at once so the new state shows without waiting for the next poll.
import { useQueryClient } from "@tanstack/react-query";
import { startTransition, useActionState, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { buttonDanger, buttonPrimary } from "@/components/ui/styles";
import { IDLE_STATE, type TActionState } from "@/lib/actions/action-state";
import { setChannelPausedAction } from "@/lib/actions/set-channel-paused";
import type { TSetChannelPausedResult } from "@/lib/dashboard/set-channel-paused";
import { OVERVIEW_QUERY_KEY } from "./overview-query";

export function PauseControl({ channel, name, paused }: { channel: string; name: string; paused: boolean }) {
  const queryClient = useQueryClient();
  const [state, run, pending] = useActionState<TActionState<TSetChannelPausedResult>, FormData>(
    setChannelPausedAction,
    IDLE_STATE,
  );
  const [asking, setAsking] = useState<FormData | null>(null);
  useEffect(() => {
    if (state.status !== "idle") void queryClient.invalidateQueries({ queryKey: OVERVIEW_QUERY_KEY });
  }, [state, queryClient]);
  const label = paused ? `Resume ${name}` : `Pause ${name}`;
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <form
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          // Pausing stops every organization's deliveries: asked in the app's own dialog first.
          if (!paused) setAsking(formData);
          else startTransition(() => run(formData));
        }}
      >
        <input type="hidden" name="channel" value={channel} />
        <input type="hidden" name="paused" value={paused ? "false" : "true"} />
        <button type="submit" className={paused ? buttonPrimary : buttonDanger} disabled={pending}>
          {pending ? (paused ? "Resuming…" : "Pausing…") : paused ? "Resume" : "Pause"}
          <span className="sr-only"> {name}</span>
        </button>
      </form>
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => {
          if (!open) setAsking(null);
        }}
        title={`Pause ${name}?`}
        description="Workers stop sending its deliveries for every organization until it is resumed."
        confirmLabel="Pause"
        cancelLabel="Keep sending"
        tone="danger"
        onConfirm={() => {
          const formData = asking;
          setAsking(null);
          if (formData) startTransition(() => run(formData));
        }}
      />
      <div aria-live="polite" className="max-w-xs text-xs sm:text-right" data-testid={`pause-result-${channel}`}>
        {state.status === "error" ? (
          <p role="alert" className="font-medium text-red-700">
            {state.message}
          </p>
        ) : state.status === "ok" ? (
          <p className="text-emerald-700">{state.message}</p>
        ) : null}
      </div>
    </div>
  );
}
