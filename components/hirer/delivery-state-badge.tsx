// A delivery's state in words a hirer understands; what went wrong inside is for admins only.
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { Badge } from "../ui/badge";

const LOOK: Record<DeliveryState, { tone: "neutral" | "green" | "red" | "amber" | "indigo"; text: string }> = {
  pending: { tone: "amber", text: "queued" },
  in_flight: { tone: "indigo", text: "sending" },
  delivered: { tone: "green", text: "delivered" },
  failed: { tone: "red", text: "failed" },
  dead: { tone: "red", text: "gave up" },
  expired: { tone: "neutral", text: "not sent: identifier expired" },
  cancelled: { tone: "neutral", text: "cancelled" },
};

export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  const look = LOOK[state];
  return (
    <span data-state={state}>
      <Badge tone={look.tone}>{look.text}</Badge>
    </span>
  );
}
