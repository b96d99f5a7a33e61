// Dates on admin pages: one unambiguous form everywhere, in UTC, so two people comparing screens agree.
const formatter = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

export function formatDateTime(value: Date | null | undefined, empty = "—"): string {
  if (!value) return empty;
  return `${formatter.format(value)} UTC`;
}

const withSeconds = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** For histories, where several changes can fall in one minute and their order must be visible. */
export function formatDateTimeSeconds(value: Date | null | undefined, empty = "—"): string {
  if (!value) return empty;
  return `${withSeconds.format(value)} UTC`;
}
