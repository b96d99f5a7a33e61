import { describe, expect, it } from "vitest";
import { parseNotesUrl } from "./notes-request";

const KEY = "atsJobApplicationId=APP%201&dataProvider=ATS&integrationContext=urn:li:organization:2414183";

describe("parseNotesUrl", () => {
  it("reads the Rest.li 1.0 compound key and repeated ids of the seed's URL", () => {
    expect(parseNotesUrl(`/v2/atsApplications/${KEY}/notes?ids=APPL_NOTE123&ids=APPL_NOTE456`)).toEqual({
      ok: true,
      target: {
        atsJobApplicationId: "APP 1",
        integrationContext: "urn:li:organization:2414183",
        ids: ["APPL_NOTE123", "APPL_NOTE456"],
      },
    });
  });

  it("decodes percent-encoded URNs and ids the same as literal ones", () => {
    const parsed = parseNotesUrl(
      "/v2/atsApplications/integrationContext=urn%3Ali%3Aorganization%3A7&atsJobApplicationId=A&dataProvider=ATS/notes?ids=a%26b",
    );
    expect(parsed).toMatchObject({ ok: true, target: { integrationContext: "urn:li:organization:7", ids: ["a&b"] } });
  });

  it.each([
    [
      "Rest.li 2.0 key syntax",
      "/v2/atsApplications/(atsJobApplicationId:1,dataProvider:ATS,integrationContext:x)/notes?ids=N1",
    ],
    ["Rest.li 2.0 ids=List()", `/v2/atsApplications/${KEY}/notes?ids=List(N1,N2)`],
    ["a missing key part", "/v2/atsApplications/atsJobApplicationId=1&dataProvider=ATS/notes?ids=N1"],
    [
      "a data provider other than ATS",
      "/v2/atsApplications/atsJobApplicationId=1&dataProvider=X&integrationContext=u/notes?ids=N1",
    ],
    ["no ids", `/v2/atsApplications/${KEY}/notes`],
    ["a repeated id", `/v2/atsApplications/${KEY}/notes?ids=N1&ids=N1`],
    ["another query parameter", `/v2/atsApplications/${KEY}/notes?ids=N1&fields=x`],
    [
      "more than 100 ids",
      `/v2/atsApplications/${KEY}/notes?${Array.from({ length: 101 }, (_, i) => `ids=N${i}`).join("&")}`,
    ],
  ])("refuses %s with 400", (_label, url) => {
    expect(parseNotesUrl(url)).toMatchObject({ ok: false, status: 400 });
  });
});
