// The rules SEEK documents for a signal beyond its GraphQL types (seeds 000–002 and the schema pages),
// answered the way SEEK words them: a JSON-pointer-like path into the input and a reason.
export type InvalidField = { path: string; reason: string };

type Position = { index: number; total: number };
type State = { phase?: Position | null; status: Position };
export type SignalInput = {
  typeCode: string;
  token?: string | null;
  candidateApplicationProfileId?: string | null;
  positionProfileIds?: string[] | null;
  current?: State | null;
  previous?: State | null;
  timestamp?: string | null;
};

const TYPE_CODES = new Set(["ApplicationComplete", "ApplicationStatusUpdate", "PositionStatusUpdate"]);

function positionProblems(base: string, state: State | null | undefined): InvalidField[] {
  if (!state) return [];
  const problems: InvalidField[] = [];
  for (const key of ["status", "phase"] as const) {
    const position = state[key];
    if (position && (position.index < 1 || position.index > position.total)) {
      problems.push({ path: `${base}/${key}/index`, reason: "Must be between 1 and total" });
    }
  }
  return problems;
}

/** `base` is "/input" for sendSignal and "/input/signals/<i>" for sendSignals. */
export function signalProblems(base: string, signal: SignalInput, badTokens: ReadonlySet<string>): InvalidField[] {
  if (!TYPE_CODES.has(signal.typeCode)) return [{ path: `${base}/typeCode`, reason: "Is not valid" }];
  const problems: InvalidField[] = [];
  if (signal.token != null && badTokens.has(signal.token)) {
    problems.push({ path: `${base}/token`, reason: "Is not valid" });
  }
  if (signal.typeCode === "ApplicationComplete") {
    if (signal.token == null) problems.push({ path: `${base}/token`, reason: "Is required" });
    if (signal.timestamp == null) problems.push({ path: `${base}/timestamp`, reason: "Is required" });
    if (signal.current != null) problems.push({ path: `${base}/current`, reason: "Must not be provided" });
    return problems;
  }
  if (signal.current == null) problems.push({ path: `${base}/current`, reason: "Is required" });
  if (
    signal.typeCode === "ApplicationStatusUpdate" &&
    signal.token == null &&
    signal.candidateApplicationProfileId == null
  ) {
    problems.push({ path: `${base}/token`, reason: "Either token or candidateApplicationProfileId is required" });
  }
  if (signal.typeCode === "PositionStatusUpdate" && !signal.positionProfileIds?.length) {
    problems.push({ path: `${base}/positionProfileIds`, reason: "Is required" });
  }
  problems.push(...positionProblems(`${base}/current`, signal.current));
  problems.push(...positionProblems(`${base}/previous`, signal.previous));
  return problems;
}

/** The identifiers a signal names, for the FORBIDDEN fault. */
export function signalIdentifiers(signal: SignalInput): string[] {
  return [signal.token, signal.candidateApplicationProfileId, ...(signal.positionProfileIds ?? [])].filter(
    (id): id is string => typeof id === "string",
  );
}
