// Word lists the linter uses to guess what a label means. They only ever produce warnings: a hirer's
// label is theirs, and SEEK asks for it as-is; these guesses catch likely modelling mistakes.

const IN_PROGRESS =
  /\b(new|applied|applications?|sourced|contacted|submitted|screen(ing|ed)?|phone|review(ing|ed)?|shortlist(ed)?|interview(s|ing|ed)?|assess(ment|ing)?|test(s|ing)?|reference(s)?|checks?|offer(ed)?|pending|awaiting|waiting|scheduled|in progress|open|draft|approval|approved|advertised|posted)\b/i;

const ENDED =
  /\b(hired|placed|filled|successful|unsuccessful|declined|rejected|reject|withdrawn|withdrew|withdraw|not|no|no longer|closed|cancell?ed|failed|fail|talent pool|lost|archived|regrets?|ended|expired|disqualified|unsuitable|dropped|deceased|terminated)\b/i;

const ROLL_UP: RegExp[] = [
  /^(stage|step|level|phase|tier|status|group|bucket|category|class|state)\s*[-_#:]?\s*([0-9]+|[a-z])$/i,
  /^(mapped|mapping|unmapped|rolled[ -]?up|roll[ -]?up|generic|misc|miscellaneous|other|others|various|default)\b/i,
  /\b(bucket|category|generic)\b/i,
  /^other\b/i,
];

/** A label that names a step still under way ("Interview", "Screening", "Review"), not an outcome. */
export function looksInProgress(label: string): boolean {
  return IN_PROGRESS.test(label) && !ENDED.test(label);
}

/** A label that names an outcome ("Hired", "Offer declined", "Withdrawn", "Talent pool"). */
export function looksEnded(label: string): boolean {
  return ENDED.test(label);
}

/**
 * A label that looks like an abstract category rather than a hirer's own status ("Stage 1", "Status A",
 * "Mapped: interview", "Other", "Generic", "Category 3", "Bucket", "Level 2").
 */
export function looksRolledUp(label: string): boolean {
  const trimmed = label.trim();
  return ROLL_UP.some((pattern) => pattern.test(trimmed));
}
