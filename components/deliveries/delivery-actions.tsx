"use client";
// Retry now and Cancel for one delivery, as server actions. Each result is said in words next to the
// buttons; after a change the delivery is fetched again at once rather than at the next poll.
import { useQueryClient } from "@tanstack/react-query";
import { startTransition, useActionState, useCallback, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { buttonDanger, buttonPrimary } from "@/components/ui/styles";
import { IDLE_STATE, type TActionState } from "@/lib/actions/action-state";
import type { TAdminDeliveryChangeResult } from "@/lib/delivery-log/admin-delivery-change";
import { canCancel, canRetry } from "@/lib/delivery-log/explain-schedule";
import type { DeliveryState } from "@/lib/generated/prisma/enums";

type Action = (
  prev: TActionState<TAdminDeliveryChangeResult>,
  formData: FormData,
) => Promise<TActionState<TAdminDeliveryChangeResult>>;

function ActionButton({
  action,
  deliveryId,
  label,
  pendingLabel,
  className,
  confirmMessage,
  onResult,
}: {
  action: Action;
  deliveryId: string;
  label: string;
  pendingLabel: string;
  className: string;
  confirmMessage?: string;
  onResult: (state: TActionState<TAdminDeliveryChangeResult>) => void;
}) {
  const [state, run, pending] = useActionState<TActionState<TAdminDeliveryChangeResult>, FormData>(action, IDLE_STATE);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (state.status !== "idle") onResult(state);
  }, [state, onResult]);
  const send = () => {
    const formData = new FormData();
    formData.set("deliveryId", deliveryId);
    startTransition(() => run(formData));
  };
  return (
    <form
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        // A confirmation is the app's own dialog (focus moves in, Esc keeps it), never window.confirm.
        if (confirmMessage) setAsking(true);
        else send();
      }}
    >
      <button type="submit" className={className} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      {confirmMessage ? (
        <ConfirmDialog
          open={asking}
          onOpenChange={setAsking}
          title={confirmMessage}
          confirmLabel={label}
          cancelLabel="Keep it"
          tone="danger"
          onConfirm={() => {
            setAsking(false);
            send();
          }}
          testId="confirm-dialog"
        />
      ) : null}
    </form>
  );
}

export function DeliveryActions({
  deliveryId,
  state,
  retryAction,
  cancelAction,
}: {
  deliveryId: string;
  state: DeliveryState;
  retryAction: Action;
  cancelAction: Action;
}) {
  const queryClient = useQueryClient();
  // The last result stays on screen after the buttons change (a cancelled delivery has none left).
  const [result, setResult] = useState<TActionState<TAdminDeliveryChangeResult>>(IDLE_STATE);
  const onResult = useCallback(
    (next: TActionState<TAdminDeliveryChangeResult>) => {
      setResult(next);
      void queryClient.invalidateQueries({ queryKey: ["admin-delivery", deliveryId] });
      void queryClient.invalidateQueries({ queryKey: ["admin-deliveries"] });
    },
    [queryClient, deliveryId],
  );
  const retry = canRetry(state);
  const cancel = canCancel(state);
  return (
    <div className="space-y-2">
      {retry || cancel ? (
        <div className="flex flex-wrap items-start gap-3">
          {retry ? (
            <ActionButton
              action={retryAction}
              deliveryId={deliveryId}
              label="Retry now"
              pendingLabel="Queueing…"
              className={buttonPrimary}
              onResult={onResult}
            />
          ) : null}
          {cancel ? (
            <ActionButton
              action={cancelAction}
              deliveryId={deliveryId}
              label="Cancel delivery"
              pendingLabel="Cancelling…"
              className={buttonDanger}
              confirmMessage="Cancel this delivery? It will never be sent."
              onResult={onResult}
            />
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600" data-testid="no-actions">
          {state === "in_flight"
            ? "Retry and cancel become available when the worker sending it reports back."
            : "Nothing to retry or cancel: this delivery is finished."}
        </p>
      )}
      <div aria-live="polite" data-testid="action-result">
        {result.status === "error" ? (
          <p role="alert" className="max-w-xl text-sm font-medium text-red-700">
            {result.message}
          </p>
        ) : result.status === "ok" ? (
          <p className="max-w-xl text-sm font-medium text-emerald-700">{result.message}</p>
        ) : null}
      </div>
    </div>
  );
}
