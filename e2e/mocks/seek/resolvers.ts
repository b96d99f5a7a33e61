// What the mock's mutations do once a request has passed parsing, validation and variable coercion.
// Like SEEK, a request with any invalid signal is rejected whole: nothing in it is accepted.
import { GraphQLError } from "graphql";
import { type CreateHistoryItemInput, type HistoryStore, historyItemProblems } from "./history-store";
import { type InvalidField, type SignalInput, signalIdentifiers, signalProblems } from "./signal-rules";

export const MAX_SIGNALS_PER_BATCH = 100;

export type ResolverContext = {
  badTokens: ReadonlySet<string>;
  forbidden: "all" | readonly string[] | undefined;
  badInputWithoutPath: boolean;
  history: HistoryStore;
  /** called with the signals of an accepted request */
  accept(signals: SignalInput[]): void;
};

function badUserInput(problems: InvalidField[], withoutPath: boolean): GraphQLError {
  if (withoutPath) return new GraphQLError("Invalid input", { extensions: { code: "BAD_USER_INPUT" } });
  const invalidFields = Object.fromEntries(problems.map((p) => [p.path, p.reason]));
  const message = problems.map((p) => `${p.path}: ${p.reason}`).join("; ");
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", invalidFields } });
}

function assertAllowed(context: ResolverContext, identifiers: string[]): void {
  const { forbidden } = context;
  if (forbidden === "all" || identifiers.some((id) => forbidden?.includes(id))) {
    throw new GraphQLError("Forbidden: no relationship with the hirer", { extensions: { code: "FORBIDDEN" } });
  }
}

function acceptSignals(context: ResolverContext, signals: SignalInput[], base: (i: number) => string): boolean {
  const problems = signals.flatMap((signal, i) => signalProblems(base(i), signal, context.badTokens));
  if (problems.length > 0) throw badUserInput(problems, context.badInputWithoutPath);
  assertAllowed(context, signals.flatMap(signalIdentifiers));
  context.accept(signals);
  return true;
}

type Args<T> = { input: T };
const itemIdPayload = (id: string) => ({ candidateProcessHistoryItem: { id: { value: id } } });

export const rootValue = {
  sendSignal: ({ input }: Args<SignalInput>, context: ResolverContext) =>
    acceptSignals(context, [input], () => "/input"),

  sendSignals: ({ input }: Args<{ signals: SignalInput[] }>, context: ResolverContext) => {
    if (input.signals.length > MAX_SIGNALS_PER_BATCH) {
      throw badUserInput(
        [{ path: "/input/signals", reason: `Must contain at most ${MAX_SIGNALS_PER_BATCH} items` }],
        context.badInputWithoutPath,
      );
    }
    return acceptSignals(context, input.signals, (i) => `/input/signals/${i}`);
  },

  createCandidateProcessHistoryItem: ({ input }: Args<CreateHistoryItemInput>, context: ResolverContext) => {
    const problems = historyItemProblems("/input/candidateProcessHistoryItem", input.candidateProcessHistoryItem);
    if (problems.length > 0) throw badUserInput(problems, context.badInputWithoutPath);
    assertAllowed(context, [input.candidateProfile.profileId]);
    const result = context.history.create(input);
    return result.kind === "success"
      ? { __typename: "CreateCandidateProcessHistoryItemPayload_Success", ...itemIdPayload(result.id) }
      : {
          __typename: "CreateCandidateProcessHistoryItemPayload_Conflict",
          conflictingCandidateProcessHistoryItem: { id: { value: result.id } },
        };
  },

  updateCandidateProcessHistoryItem: (
    { input }: Args<{ candidateProcessHistoryItem: Parameters<HistoryStore["update"]>[0] }>,
    context: ResolverContext,
  ) => {
    const item = input.candidateProcessHistoryItem;
    const problems = historyItemProblems("/input/candidateProcessHistoryItem", item);
    if (problems.length > 0) throw badUserInput(problems, context.badInputWithoutPath);
    assertAllowed(context, []);
    const id = context.history.update(item);
    return id === null ? null : itemIdPayload(id);
  },

  deleteCandidateProcessHistoryItem: (
    { input }: Args<{ candidateProcessHistoryItem: { id: string } }>,
    context: ResolverContext,
  ) => {
    assertAllowed(context, []);
    const id = context.history.delete(input.candidateProcessHistoryItem.id);
    return id === null ? null : itemIdPayload(id);
  },
};
