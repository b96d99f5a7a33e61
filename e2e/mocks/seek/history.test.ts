// Candidate process history in the mock: SEEK's idempotency and replace/delete semantics (seed 003).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { postGraphql } from "./raw-client.test-support";
import { type SeekMock, startSeekMock } from "./server";

const mock: SeekMock = await startSeekMock();
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const CREATE = `mutation ($input: CreateCandidateProcessHistoryItemInput!) {
  createCandidateProcessHistoryItem(input: $input) {
    ... on CreateCandidateProcessHistoryItemPayload_Success { candidateProcessHistoryItem { id { value } } }
    ... on CreateCandidateProcessHistoryItemPayload_Conflict { conflictingCandidateProcessHistoryItem { id { value } } }
  }
}`;
const UPDATE = `mutation ($input: UpdateCandidateProcessHistoryItemInput!) {
  updateCandidateProcessHistoryItem(input: $input) { candidateProcessHistoryItem { id { value } } }
}`;
const DELETE = `mutation ($input: DeleteCandidateProcessHistoryItemInput!) {
  deleteCandidateProcessHistoryItem(input: $input) { candidateProcessHistoryItem { id { value } } }
}`;

const item = {
  action: { code: "Note", name: "Contact again later", description: "Not looking right now." },
  actionDate: "1999-07-26T23:48:58.775Z",
  primaryParties: [
    {
      person: {
        communication: { email: [], phone: [] },
        name: { formattedName: "Terry A", given: "Terry", family: "Astley" },
      },
    },
  ],
};

async function create(profileId: string, idempotencyId: string, fields: Record<string, unknown> = item) {
  const answer = await postGraphql(mock, {
    query: CREATE,
    variables: {
      input: { candidateProfile: { profileId }, candidateProcessHistoryItem: { ...fields, idempotencyId } },
    },
  });
  return answer.json;
}

describe("candidate process history items", () => {
  it("creates an item with a generated id, and answers a repeated idempotencyId with Conflict and the same id", async () => {
    const first = await create("profile-1", "00000000-0000-0000-0000-000000000001");
    const id = mock.historyItems()[0]?.id;
    expect(first.data).toEqual({
      createCandidateProcessHistoryItem: { candidateProcessHistoryItem: { id: { value: id } } },
    });
    expect(id).toMatch(/^mockSeek:candidateProcessHistoryItem:/);
    const again = await create("profile-1", "00000000-0000-0000-0000-000000000001");
    expect(again.data).toEqual({
      createCandidateProcessHistoryItem: { conflictingCandidateProcessHistoryItem: { id: { value: id } } },
    });
    expect(mock.historyItems()).toHaveLength(1);
  });

  it("keeps idempotencyId unique per candidate profile, not globally", async () => {
    await create("profile-1", "same");
    const other = await create("profile-2", "same");
    expect(other.data?.createCandidateProcessHistoryItem).toHaveProperty("candidateProcessHistoryItem");
    expect(mock.historyItems()).toHaveLength(2);
  });

  it("replaces an item on update, answers null for an unknown id, and deletes by id once", async () => {
    await create("profile-1", "key-1");
    const [stored] = mock.historyItems();
    const id = stored!.id;
    const updated = await postGraphql(mock, {
      query: UPDATE,
      variables: { input: { candidateProcessHistoryItem: { ...item, action: { code: "Email", name: "Sent" }, id } } },
    });
    expect(updated.json.data).toEqual({
      updateCandidateProcessHistoryItem: { candidateProcessHistoryItem: { id: { value: id } } },
    });
    expect(mock.historyItems()[0]?.action).toEqual({ code: "Email", name: "Sent" });

    const unknown = await postGraphql(mock, {
      query: UPDATE,
      variables: { input: { candidateProcessHistoryItem: { ...item, id: "nope" } } },
    });
    expect(unknown.json.data).toEqual({ updateCandidateProcessHistoryItem: null });

    const deleted = await postGraphql(mock, {
      query: DELETE,
      variables: { input: { candidateProcessHistoryItem: { id } } },
    });
    expect(deleted.json.data).toEqual({
      deleteCandidateProcessHistoryItem: { candidateProcessHistoryItem: { id: { value: id } } },
    });
    const again = await postGraphql(mock, {
      query: DELETE,
      variables: { input: { candidateProcessHistoryItem: { id } } },
    });
    expect(again.json.data).toEqual({ deleteCandidateProcessHistoryItem: null });
  });

  it.each([
    ["seekSource is required whenever positionProfile is set", { positionProfile: { profileId: "p" } }, "/seekSource"],
    ["status only for CandidateWorkflowTransition", { status: { code: "Offer" } }, "/status"],
    [
      "an action description of at most 1,000 characters",
      { action: { code: "Note", description: "x".repeat(1001) } },
      "/action/description",
    ],
    ["at most 10 primary parties", { primaryParties: Array(11).fill(item.primaryParties[0]) }, "/primaryParties"],
  ])("enforces %s", async (_rule, change, path) => {
    const answer = await create("profile-1", "key", { ...item, ...change });
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0]?.message).toBe(
      `/input/candidateProcessHistoryItem${path}: ${answer.errors?.[0]?.extensions?.invalidFields?.[`/input/candidateProcessHistoryItem${path}`]}`,
    );
    expect(mock.historyItems()).toEqual([]);
  });
});
