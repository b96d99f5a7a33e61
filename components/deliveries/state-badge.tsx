// A delivery's state as a coloured label: green done, amber waiting, red needs a person, grey final.
import { Badge } from "@/components/ui/badge";
import type { DeliveryState } from "@/lib/generated/prisma/enums";

const TONE = {
  pending: "amber",
  in_flight: "indigo",
  delivered: "green",
  failed: "red",
  dead: "red",
  expired: "neutral",
  cancelled: "neutral",
} as const satisfies Record<DeliveryState, Parameters<typeof Badge>[0]["tone"]>;

export const STATE_LABEL: Record<DeliveryState, string> = {
  pending: "pending",
  in_flight: "in flight",
  delivered: "delivered",
  failed: "failed",
  dead: "dead",
  expired: "expired",
  cancelled: "cancelled",
};

export function StateBadge({ state }: { state: DeliveryState }) {
  return <Badge tone={TONE[state]}>{STATE_LABEL[state]}</Badge>;
}
