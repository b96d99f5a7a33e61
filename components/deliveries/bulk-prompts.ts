"use client";
// The count steps of the log's bulk changes, as prompts for useConfirmedChange: by filter ("Retry 500
// deliveries matching: state=dead?") and by ticked rows ("Retry 7 of the 9 selected?"). Each count is the
// server's, and the change it confirms goes back to the server with that number or those ids.
import { IDLE_STATE, type TActionState } from "@/lib/actions/action-state";
import { cancelDeliveryAction } from "@/lib/actions/cancel-delivery";
import {
  changeDeliveriesByFilterAction,
  countBulkDeliveryChangeAction,
} from "@/lib/actions/change-deliveries-by-filter";
import { countSelectedDeliveriesAction } from "@/lib/actions/count-selected-deliveries";
import { retryDeliveryNowAction } from "@/lib/actions/retry-delivery-now";
import type { TDeliveryListSearch } from "@/lib/delivery-log/delivery-list-search";
import { plural } from "@/lib/format/plural";
import { formOf, type TCountAnswer } from "./use-confirmed-change";

export type TVerb = "retry" | "cancel";

const AFTER: Record<TVerb, string> = {
  retry: "They become pending and due now. Delivered, expired, cancelled and in-flight deliveries are left alone.",
  cancel: "They are never sent. Delivered, expired and in-flight deliveries are left alone.",
};
const Verb = (verb: TVerb) => (verb === "retry" ? "Retry" : "Cancel");

/** Everything the filter matches, on every page. */
export function countByFilter(verb: TVerb, filter: TDeliveryListSearch) {
  return async (): Promise<TActionState<TCountAnswer>> => {
    const counted = await countBulkDeliveryChangeAction(IDLE_STATE, formOf({ ...filter, verb }));
    if (counted.status !== "ok") return counted.status === "error" ? counted : IDLE_STATE;
    const { count, filter: described } = counted.data;
    if (count === 0) {
      return {
        ...counted,
        data: { nothing: `Nothing to ${verb}: no pending, failed or dead delivery matches ${described}.` },
      };
    }
    return {
      ...counted,
      data: {
        prompt: {
          title: `${Verb(verb)} ${plural(count)} matching: ${described}?`,
          description: `${AFTER[verb]} Every page of the filter is included, not only the one shown.`,
          confirmLabel: `${Verb(verb)} ${count}`,
          tone: verb === "retry" ? "primary" : "danger",
          change: () => changeDeliveriesByFilterAction(IDLE_STATE, formOf({ ...filter, verb, confirmedCount: count })),
        },
      },
    };
  };
}

/** The rows the admin ticked on this page. */
export function countSelected(verb: TVerb, ids: readonly string[]) {
  return async (): Promise<TActionState<TCountAnswer>> => {
    const counted = await countSelectedDeliveriesAction(IDLE_STATE, formOf({ verb, deliveryId: ids }));
    if (counted.status !== "ok") return counted.status === "error" ? counted : IDLE_STATE;
    const { count, selected } = counted.data;
    if (count === 0) {
      return {
        ...counted,
        data: { nothing: `Nothing to ${verb}: none of the ${plural(selected)} selected is pending, failed or dead.` },
      };
    }
    const of = count === selected ? plural(count) : `${count} of the ${plural(selected)}`;
    return {
      ...counted,
      data: {
        prompt: {
          title: `${Verb(verb)} ${of} selected?`,
          description: AFTER[verb],
          confirmLabel: `${Verb(verb)} ${count}`,
          tone: verb === "retry" ? "primary" : "danger",
          change: () =>
            (verb === "retry" ? retryDeliveryNowAction : cancelDeliveryAction)(IDLE_STATE, formOf({ deliveryId: ids })),
        },
      },
    };
  };
}
