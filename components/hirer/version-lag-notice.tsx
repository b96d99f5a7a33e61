// Says a record is on an older version of its pipeline, and what that means for its status and the
// "Move to" list (lib/pipelines/version-lag.ts writes the words). Nothing when it is on the current one.
import type { TVersionLag } from "@/lib/pipelines/version-lag";

export function VersionLagNotice({ lag }: { lag: TVersionLag | null }) {
  if (!lag) return null;
  return (
    <div
      role="note"
      data-testid="version-lag"
      className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <p className="font-medium">{lag.headline}</p>
      <p className="mt-0.5">{lag.meaning}</p>
    </div>
  );
}
