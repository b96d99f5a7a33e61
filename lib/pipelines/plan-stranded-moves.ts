// A new pipeline version must not strand records: every application or position whose status is not in
// the new version needs a move to one that is (spec: Extensions, "Pipeline edits that would strand
// applications"). Pure: given what is stranded and what the caller asked, either the moves to make or
// the error to answer. Targets are checked first: a move to nowhere is a 422 whatever else is missing.
import { AppError } from "../errors/app-error";

export type TStrandedStatus = { status: string; count: number };

/** Dropped status key → the key in the new version its records move to. */
export type TStatusMoves = Readonly<Record<string, string>>;

export function planStrandedMoves(
  stranded: readonly TStrandedStatus[],
  moves: TStatusMoves,
  newKeys: ReadonlySet<string>,
  record: "application" | "position",
): Map<string, string> {
  const badTargets = Object.entries(moves).filter(([, to]) => !newKeys.has(to));
  if (badTargets.length > 0) {
    const [from, to] = badTargets[0]!;
    throw new AppError(
      "UNPROCESSABLE",
      `moves.${from}: "${to}" is not a status of the new version; move to one of: ${[...newKeys].join(", ")}.`,
      badTargets.map(([key, target]) => ({
        path: `moves.${key}`,
        message: `"${target}" is not a status of the new version`,
        code: "invalid_value",
      })),
    );
  }
  const unanswered = stranded.filter((s) => !(s.status in moves));
  if (unanswered.length > 0) {
    const described = unanswered.map((s) => `${s.count} ${record}${s.count === 1 ? " is" : "s are"} in "${s.status}"`);
    throw new AppError(
      "STATUS_IN_USE",
      `This version drops statuses still in use: ${described.join("; ")}. Send "moves": { "<dropped status>": "<status in the new version>" } to move them as you save.`,
      unanswered.map((s) => ({ status: s.status, count: s.count })),
    );
  }
  return new Map(stranded.map((s) => [s.status, moves[s.status]!]));
}
