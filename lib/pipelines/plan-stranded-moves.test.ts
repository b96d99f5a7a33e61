import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { planStrandedMoves } from "./plan-stranded-moves";

const keys = new Set(["new", "offer", "placed"]);
const thrown = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error("expected an AppError");
};

describe("planStrandedMoves", () => {
  it("nothing stranded, nothing asked: no moves", () => {
    expect(planStrandedMoves([], {}, keys, "application")).toEqual(new Map());
  });

  it("a dropped status records are in, without a move: STATUS_IN_USE with the count per status", () => {
    const error = thrown(() =>
      planStrandedMoves(
        [
          { status: "first", count: 14 },
          { status: "second", count: 1 },
        ],
        { second: "offer" },
        keys,
        "application",
      ),
    );
    expect(error.code).toBe("STATUS_IN_USE");
    expect(error.status).toBe(409);
    expect(error.issues).toEqual([{ status: "first", count: 14 }]);
    expect(error.message).toContain('14 applications are in "first"');
  });

  it("a move target that is not in the new version is a 422 naming it, even when something else is missing", () => {
    const error = thrown(() =>
      planStrandedMoves(
        [
          { status: "first", count: 2 },
          { status: "second", count: 1 },
        ],
        { first: "gone" },
        keys,
        "application",
      ),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain('moves.first: "gone"');
    expect(error.issues).toEqual([expect.objectContaining({ path: "moves.first" })]);
  });

  it("every stranded status answered: the moves to make; moves of statuses nobody is in are ignored", () => {
    const moves = planStrandedMoves([{ status: "first", count: 3 }], { first: "offer", idle: "new" }, keys, "position");
    expect(moves).toEqual(new Map([["first", "offer"]]));
  });
});
