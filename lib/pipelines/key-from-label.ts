// Keys are what the ATS sends in `POST .../status`, so they are generated once from the label and then
// stay put: renaming a status changes what SEEK shows, never the key the ATS integrates against.
import { PIPELINE_KEY_PATTERN } from "./pipeline-definition";

const MAX_KEY_LENGTH = 100;

/** A key that matches PIPELINE_KEY_PATTERN, derived from a label ("First interview" → "first-interview"). */
export function keyFromLabel(label: string, fallback = "status"): string {
  const slug = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}

/** keyFromLabel, made unique against `taken` by a numeric suffix ("offer", "offer-2", ...). */
export function uniqueKeyFromLabel(label: string, taken: Iterable<string>, fallback = "status"): string {
  const used = new Set(taken);
  const base = keyFromLabel(label, fallback);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_KEY_LENGTH - suffix.length)}${suffix}`;
    if (!used.has(candidate) && PIPELINE_KEY_PATTERN.test(candidate)) return candidate;
  }
}
