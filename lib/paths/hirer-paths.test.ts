import { describe, expect, it } from "vitest";
import { applicationPath, newPipelinePath, pipelinePath, positionPath } from "./hirer-paths";

describe("links between the hirer pages", () => {
  it("name the organization and encode ATS ids, which may hold any character but whitespace, '/', '?' and '#'", () => {
    expect(positionPath("acme", "JOB-1")).toBe("/positions/JOB-1?org=acme");
    expect(applicationPath("acme", "a&b=%c")).toBe("/applications/a%26b%3D%25c?org=acme");
    expect(pipelinePath("acme", "std.v2")).toBe("/pipelines/std.v2?org=acme");
  });

  it("carry a new pipeline's kind and name to the editor", () => {
    expect(newPipelinePath({ organizationSlug: "acme", kind: "position", key: "roles", name: "Roles & more" })).toBe(
      "/pipelines/roles?org=acme&new=position&name=Roles%20%26%20more",
    );
  });
});
