// Our GraphQL documents and the SEEK mock's SDL, held to SEEK's published schema
// (../shared/reference/seek-schema.graphql beside the clone). A missing reference fails, never skips.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { stringifyDocument } from "@urql/core";
import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInputObjectType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  validate,
  visit,
} from "graphql";
import { describe, expect, it } from "vitest";
import { MOCK_SCHEMA_PATH } from "@/e2e/mocks/seek/mock-schema";
import * as historyDocuments from "./history-documents";
import * as signalDocuments from "./signal-documents";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const REFERENCE = "shared/reference/seek-schema.graphql";

/** Beside the clone (CI, /work/main); for a git worktree, also beside the main checkout. */
function referenceCandidates(): string[] {
  const candidates = [path.resolve(repoRoot, "..", REFERENCE)];
  try {
    const common = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).trim();
    candidates.push(path.resolve(path.dirname(common), "..", REFERENCE));
  } catch {
    // not a git checkout: only the first place applies
  }
  return [...new Set(candidates)];
}

function loadReferenceSchema(): GraphQLSchema {
  const candidates = referenceCandidates();
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) {
    throw new Error(`SEEK reference schema not found; looked for it at: ${candidates.join(", ")}`);
  }
  return buildSchema(fs.readFileSync(found, "utf8"));
}

const reference = loadReferenceSchema();
const mock = buildSchema(fs.readFileSync(MOCK_SCHEMA_PATH, "utf8"));

const documents = Object.entries({ ...signalDocuments, ...historyDocuments }).filter(([name]) =>
  name.endsWith("Document"),
);
// What goes over the wire is urql's printed document, so that is what gets validated.
const wire = documents.map(([name, document]) => [name, parse(stringifyDocument(document as never))] as const);

describe("SEEK GraphQL documents", () => {
  it("covers sendSignal, sendSignals and the three history mutations", () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      "CreateCandidateProcessHistoryItemDocument",
      "DeleteCandidateProcessHistoryItemDocument",
      "SendSignalDocument",
      "SendSignalsDocument",
      "UpdateCandidateProcessHistoryItemDocument",
    ]);
  });

  it.each(wire)("%s is valid against SEEK's published schema", (_name, document) => {
    expect(validate(reference, document).map((e) => e.message)).toEqual([]);
  });

  it.each(wire)("%s is valid against the SEEK mock's schema", (_name, document) => {
    expect(validate(mock, document).map((e) => e.message)).toEqual([]);
  });

  it.each(wire)("%s passes every argument as a variable, never inline", (_name, document) => {
    const literals: string[] = [];
    visit(document, {
      Argument(node) {
        if (node.value.kind !== Kind.VARIABLE) literals.push(node.name.value);
      },
    });
    expect(literals).toEqual([]);
  });
});

function fieldSignatures(type: GraphQLNamedType): Record<string, string> {
  if (!isInputObjectType(type) && !isObjectType(type)) return {};
  return Object.fromEntries(
    Object.values(type.getFields()).map((field) => {
      const args =
        "args" in field
          ? field.args.map((a: { name: string; type: unknown }) => `${a.name}: ${String(a.type)}`).join(", ")
          : "";
      return [field.name, `(${args}): ${field.type}`];
    }),
  );
}

describe("the SEEK mock's schema", () => {
  const ownTypes = Object.values(mock.getTypeMap()).filter((t) => !t.name.startsWith("__"));

  it.each(ownTypes.map((t) => [t.name, t] as const))("declares %s as SEEK's schema does", (name, type) => {
    const theirs = reference.getType(name);
    expect(theirs, `${name} is not in SEEK's schema`).toBeDefined();
    if (!theirs) return;
    expect(type.constructor.name).toBe(theirs.constructor.name);
    const ours = fieldSignatures(type);
    const seek = fieldSignatures(theirs);
    if (isInputObjectType(type)) {
      // Inputs must match exactly: a missing field would reject what SEEK accepts, an extra one the reverse.
      expect(ours).toEqual(seek);
    } else {
      // Outputs may be a subset (the mock serves only what our documents select), but each field as SEEK's.
      for (const [field, signature] of Object.entries(ours))
        expect(`${field}${signature}`).toBe(`${field}${seek[field]}`);
    }
    if (isUnionType(type) && isUnionType(theirs)) {
      expect(type.getTypes().map(String).sort()).toEqual(theirs.getTypes().map(String).sort());
    }
  });
});
