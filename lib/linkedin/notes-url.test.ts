import { describe, expect, it } from "vitest";
import { batchUpdateBody, encodeRestli1Value, notesPathAndQuery, notesUrl } from "./notes-url";

describe("notes URL", () => {
  it("is the seed's URL: Rest.li 1.0 compound key, dataProvider=ATS, repeated ids", () => {
    expect(
      notesUrl("https://api.linkedin.com/", {
        atsJobApplicationId: "12345",
        integrationContext: "urn:li:organization:2414183",
        noteIds: ["APPL_NOTE123", "APPL_NOTE456"],
      }),
    ).toBe(
      "https://api.linkedin.com/v2/atsApplications/atsJobApplicationId=12345&dataProvider=ATS&integrationContext=urn:li:organization:2414183/notes?ids=APPL_NOTE123&ids=APPL_NOTE456",
    );
  });

  it("percent-encodes identifiers so & = / ? # and spaces cannot break the key or the query", () => {
    const path = notesPathAndQuery({
      atsJobApplicationId: "a&b=c/d?e#f g",
      integrationContext: "urn:li:organization:1",
      noteIds: ["n&1", "n=2"],
    });
    expect(path).toBe(
      "/v2/atsApplications/atsJobApplicationId=a%26b%3Dc%2Fd%3Fe%23f%20g&dataProvider=ATS&integrationContext=urn:li:organization:1/notes?ids=n%261&ids=n%3D2",
    );
  });

  it("encodes the characters of Rest.li 2.0 syntax, so nothing reads as a 2.0 key or List()", () => {
    expect(encodeRestli1Value("(a:1,b:2)!'*")).toBe("%28a:1%2Cb:2%29%21%27%2A");
  });

  it("writes entities in the given order, even integer-like note ids that JSON.stringify would sort", () => {
    const body = batchUpdateBody([
      ["10", { note: "ten" }],
      ["2", { note: "two" }],
    ]);
    expect(body).toBe('{"entities":{"10":{"note":"ten"},"2":{"note":"two"}}}');
    expect(JSON.parse(body)).toEqual({ entities: { "2": { note: "two" }, "10": { note: "ten" } } });
  });
});
