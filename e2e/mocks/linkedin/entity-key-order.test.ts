import { describe, expect, it } from "vitest";
import { entityKeysInTextOrder } from "./entity-key-order";

describe("entityKeysInTextOrder", () => {
  it("keeps integer-like note ids in the order they were written, where JSON.parse would sort them", () => {
    const text = '{"entities":{"10":{"note":"a"},"2":{"note":"b"},"N3":{"note":"c"}}}';
    expect(Object.keys(JSON.parse(text).entities)).toEqual(["2", "10", "N3"]);
    expect(entityKeysInTextOrder(text)).toEqual(["10", "2", "N3"]);
  });

  it("ignores keys nested inside entities and strings that look like keys", () => {
    const text =
      '{ "entities" : { "A" : { "author": {"firstName":"x\\",\\"y","lastName":"z"} , "note":"{\\"B\\":1}" }, "C":{} } }';
    expect(entityKeysInTextOrder(text)).toEqual(["A", "C"]);
  });

  it("finds nothing when there is no entities object", () => {
    expect(entityKeysInTextOrder('{"other":{"A":{}}}')).toEqual([]);
  });
});
