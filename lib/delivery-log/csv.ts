// CSV for the delivery log's export (RFC 4180: comma-separated, CRLF, quotes doubled). A cell that a
// spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) gets a leading apostrophe: error
// texts come from the boards and ids from the ATS, so a cell must never become a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
