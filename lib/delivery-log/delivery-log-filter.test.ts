import { describe, expect, it } from "vitest";
import { describeFilter, ZDeliveryLogFilter, ZDeliveryLogQuery } from "./delivery-log-filter";

describe("the delivery log's filter", () => {
  it("reads every filter from the URL, blank values meaning no filter", () => {
    const parsed = ZDeliveryLogQuery.parse({
      organization: "org_1",
      channel: "seek-signal",
      state: "dead",
      kind: "ApplicationStatusUpdate",
      application: "APP-1",
      position: "POS-1",
      candidate: "",
      from: "2026-11-23",
      to: "2026-11-24T10:30",
      q: " eyJqb2JJ ",
    });
    expect(parsed).toMatchObject({
      organization: "org_1",
      channel: "seek-signal",
      state: "dead",
      kind: "ApplicationStatusUpdate",
      application: "APP-1",
      position: "POS-1",
      q: "eyJqb2JJ",
      limit: 50,
    });
    expect(parsed.candidate).toBeUndefined();
    // The page shows UTC: a time without a zone is UTC.
    expect(parsed.from?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2026-11-24T10:30:00.000Z");
  });

  it.each([
    [{ state: "exploded" }, "state"],
    [{ kind: "Telegram" }, "kind"],
    [{ channel: "fax" }, "channel"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-02-31" }, "from"],
    [{ from: "2026-11-24", to: "2026-11-23" }, "to"],
    [{ application: "two ids" }, "application"],
    [{ application: "APP\u0000" }, "application"],
    [{ webhook: "ops\u0000" }, "webhook"],
    [{ organization: "\u0000" }, "organization"],
    [{ q: "eyJ\ud800" }, "q"],
    [{ surprise: "1" }, ""],
  ])("rejects %o, naming the parameter", (input, path) => {
    const result = ZDeliveryLogFilter.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("a filter for a bulk action takes no page position", () => {
    expect(ZDeliveryLogFilter.safeParse({ cursor: "10" }).success).toBe(false);
  });

  it("describes a filter in the words the confirmation shows", () => {
    expect(describeFilter({ channel: "seek-signal", state: "dead" })).toBe("channel=seek-signal, state=dead");
    expect(describeFilter({ organization: "org_1", q: "abc" }, { org_1: "Acme" })).toBe(
      'organization=Acme, search "abc"',
    );
    expect(describeFilter({})).toBe("no filter (every delivery)");
  });
});
