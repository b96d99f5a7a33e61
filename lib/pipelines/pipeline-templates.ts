// Starting points for the editor, modelled on SEEK's Selection Signals guidance (seeds 000 and 001):
// statuses in process order, non-sequential outcomes (Offer declined, Talent pool, Not suitable) placed
// after the hire as a best approximation of order, `success: true` only for the hire / fill, `false` for
// final statuses without success, `null` for everything still in progress. The numbers match SEEK's
// samples: "Offer accepted" is status 8 and "Hired" status 11 of 14, in phases "Offer" 4 and "Hired" 5 of 7;
// a position's "Review" is status 4 of 6 in phase "Open" 3 of 4, "Withdrawn" 6 of 6 in "Closed" 4 of 4.
import type {
  SEEK_HISTORY_STATUS_CODES,
  TPipelineDefinition,
  TPipelineKind,
  TPipelineStatus,
} from "./pipeline-definition";

export type TPipelineTemplate = {
  key: string;
  name: string;
  description: string;
  kind: TPipelineKind;
  definition: TPipelineDefinition;
};

type History = (typeof SEEK_HISTORY_STATUS_CODES)[number];
type Row = [key: string, label: string, success: boolean | null, phase?: string, history?: History];

function statuses(rows: Row[]): TPipelineStatus[] {
  return rows.map(([key, label, success, phase, history]) => ({
    key,
    label,
    ...(phase ? { phase } : {}),
    success,
    ...(history ? { seekHistoryStatus: history } : {}),
  }));
}

const APPLICATION_ROWS: Row[] = [
  ["new", "New", null, "applied", "Application"],
  ["shortlist", "Shortlist", null, "screening", "HirerShortlist"],
  ["phone-screen", "Phone screen", null, "screening", "Interview"],
  ["first-interview", "First interview", null, "interview", "Interview"],
  ["second-interview", "Second interview", null, "interview", "Interview"],
  ["reference-check", "Reference check", null, "interview", "ReferenceCheck"],
  ["offer", "Offer", null, "offer", "Offer"],
  ["offer-accepted", "Offer accepted", null, "offer", "Successful"],
  ["contract-sent", "Contract sent", null, "offer", "Successful"],
  ["contract-signed", "Contract signed", null, "offer", "Successful"],
  ["hired", "Hired", true, "hired", "Successful"],
  ["talent-pool", "Talent pool", false, "talent-pool", "Unsuccessful"],
  ["offer-declined", "Offer declined", false, "closed", "Unsuccessful"],
  ["not-suitable", "Not suitable", false, "closed", "Unsuccessful"],
];

const POSITION_ROWS: Row[] = [
  ["draft", "Draft", null, "draft"],
  ["pending-approval", "Pending approval", null, "approval"],
  ["open", "Open", null, "open"],
  ["review", "Review", null, "open"],
  ["filled", "Filled", true, "closed"],
  ["withdrawn", "Withdrawn", false, "closed"],
];

const flat = (rows: Row[]): Row[] =>
  rows.map(([key, label, success, , history]) => [key, label, success, undefined, history]);
const withoutHistory = (rows: Row[]): Row[] => rows.map(([key, label, success, phase]) => [key, label, success, phase]);

export const PIPELINE_TEMPLATES: readonly TPipelineTemplate[] = [
  {
    key: "application-flat",
    name: "Applications: flat list",
    description:
      "14 application statuses from New to Hired in process order, with the final outcomes Talent pool, Offer declined and Not suitable.",
    kind: "application",
    definition: { name: "Standard hiring", kind: "application", statuses: statuses(flat(APPLICATION_ROWS)) },
  },
  {
    key: "application-two-level",
    name: "Applications: phases and statuses",
    description:
      "The same 14 statuses grouped in 7 phases: Applied, Screening, Interview, Offer, Hired, Talent pool and Closed.",
    kind: "application",
    definition: {
      name: "Standard hiring",
      kind: "application",
      phases: [
        { key: "applied", label: "Applied" },
        { key: "screening", label: "Screening" },
        { key: "interview", label: "Interview" },
        { key: "offer", label: "Offer" },
        { key: "hired", label: "Hired" },
        { key: "talent-pool", label: "Talent pool" },
        { key: "closed", label: "Closed" },
      ],
      statuses: statuses(APPLICATION_ROWS),
    },
  },
  {
    key: "position-flat",
    name: "Positions: flat list",
    description: "6 position statuses from Draft to Filled, with Withdrawn for a position closed without being filled.",
    kind: "position",
    definition: { name: "Position lifecycle", kind: "position", statuses: statuses(flat(POSITION_ROWS)) },
  },
  {
    key: "position-two-level",
    name: "Positions: phases and statuses",
    description: "The same 6 statuses grouped in 4 phases: Draft, Approval, Open and Closed.",
    kind: "position",
    definition: {
      name: "Position lifecycle",
      kind: "position",
      phases: [
        { key: "draft", label: "Draft" },
        { key: "approval", label: "Approval" },
        { key: "open", label: "Open" },
        { key: "closed", label: "Closed" },
      ],
      statuses: statuses(withoutHistory(POSITION_ROWS)),
    },
  },
];

export function templatesFor(kind: TPipelineKind): TPipelineTemplate[] {
  return PIPELINE_TEMPLATES.filter((t) => t.kind === kind);
}

/** A fresh copy of a template's definition, safe to edit. */
export function pipelineFromTemplate(templateKey: string): TPipelineDefinition | undefined {
  const template = PIPELINE_TEMPLATES.find((t) => t.key === templateKey);
  return template ? structuredClone(template.definition) : undefined;
}
