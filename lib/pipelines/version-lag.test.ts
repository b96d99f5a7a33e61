import { describe, expect, it } from "vitest";
import type { TPipelineDefinition } from "./pipeline-definition";
import { versionLag } from "./version-lag";

const v5: TPipelineDefinition = {
  name: "Graduate pipeline",
  kind: "application",
  statuses: [
    { key: "new", label: "New", success: null },
    { key: "offer", label: "Offer", success: null },
  ],
};
const pipeline = { id: "p1", name: "Graduate pipeline", version: { version: 5, definition: v5 } };
const interview = { key: "interview", label: "First interview" };

describe("the older-version notice", () => {
  it("says which version the record is on and which is current, when it is on an older one", () => {
    const lag = versionLag({ pipelineId: "p1", pipelineName: "Graduate pipeline", version: 3 }, pipeline, {
      key: "new",
      label: "Applied",
    });
    expect(lag?.headline).toBe("On version 3 of Graduate pipeline; the current version is 5.");
    expect(lag?.meaning).toBe(
      "“Applied” stays as version 3 defined it until the next move. “Move to” offers the statuses of version 5, and a move records it on version 5.",
    );
  });

  it("says so when the current version no longer has the record's status", () => {
    const lag = versionLag({ pipelineId: "p1", pipelineName: "Graduate pipeline", version: 3 }, pipeline, interview);
    expect(lag?.meaning).toMatch(/^Version 5 has no status “First interview”\./);
  });

  it("is silent on the current version, without a status, or without a saved pipeline", () => {
    const recorded = { pipelineId: "p1", pipelineName: "Graduate pipeline", version: 5 };
    expect(versionLag(recorded, pipeline, interview)).toBeNull();
    expect(versionLag({ ...recorded, version: 3 }, pipeline, null)).toBeNull();
    expect(versionLag(null, pipeline, interview)).toBeNull();
    expect(versionLag({ ...recorded, version: 3 }, { ...pipeline, version: null }, interview)).toBeNull();
    expect(versionLag({ ...recorded, version: 3 }, null, interview)).toBeNull();
  });

  it("names both pipelines when the position has since moved to another pipeline, whatever the numbers", () => {
    const lag = versionLag({ pipelineId: "p0", pipelineName: "Old pipeline", version: 9 }, pipeline, interview);
    expect(lag?.headline).toBe("On version 9 of Old pipeline; the position now uses Graduate pipeline (version 5).");
    expect(lag?.meaning).toContain("a move records it on Graduate pipeline version 5");
  });
});
