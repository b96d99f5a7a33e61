// Human wording for SEEK's CandidateWorkflowTransition status codes (seed 003), for the editor's select.
import type { SEEK_HISTORY_STATUS_CODES } from "./pipeline-definition";

type Code = (typeof SEEK_HISTORY_STATUS_CODES)[number];

export const SEEK_HISTORY_STATUS_LABELS: Record<Code, string> = {
  Application: "Application: initial state in the hiring process",
  AgencyShortlist: "Agency shortlist: shortlisted by an agency before submission",
  AgencySubmission: "Agency submission: sent by an agency to the hirer",
  HirerShortlist: "Hirer shortlist: shortlisted by the hirer",
  Interview: "Interview: interviewing or interviewed",
  TestingOrQualificationsCheck: "Testing or qualifications check",
  ReferenceCheck: "Reference check",
  Offer: "Offer: offered the position",
  Successful: "Successful: accepted the position",
  Unsuccessful: "Unsuccessful: no longer being considered",
};
