// How a move's outbox rows are reported to the person who made it.
export function queuedMessage(deliveries: number): string {
  if (deliveries === 0) return "No job board needs to hear about it.";
  return deliveries === 1 ? "1 update queued for the job boards." : `${deliveries} updates queued for the job boards.`;
}
