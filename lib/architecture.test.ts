// The layers of lib/ (docs/architecture.md), checked on every unit run: a module (a folder of lib/)
// imports only from its own layer or the layers below it, and no two modules import each other, directly
// or around a loop. A new folder must be given a layer here, or this test fails.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Lowest first; each layer may use the ones before it. */
const LAYERS = {
  /** the database, configuration, errors, crypto, redaction, tenancy scope, shared validation */
  infrastructure: [
    "db",
    "env.ts",
    "errors",
    "crypto",
    "http",
    "format",
    "paths",
    "redaction",
    "data",
    "audit",
    "validation",
  ],
  /** the outbox: enqueue, claim, send, record, run; knows channels only by their contract */
  engine: ["delivery"],
  /** what the hirer and the ATS record: pipelines, positions, applications, events and the signals they queue */
  domain: [
    "actors",
    "api-keys",
    "partner-keys",
    "provisioning",
    "auth",
    "users",
    "organizations",
    "pipelines",
    "pipeline-editing",
    "positions",
    "applications",
    "candidates",
    "history",
    "notes",
    "signals",
    "events",
    "status-moves",
    "status-changes",
    "captures",
    "portal",
  ],
  /** the job boards: each implements the engine's channel contract */
  boards: ["seek", "linkedin", "webhooks"],
  /** what admins and hirers see of the deliveries */
  operations: ["dashboard", "delivery-log", "health", "metrics", "read-back"],
  /** the ways in: the v1 API pipeline, server actions, page helpers, start-up, the running worker */
  edges: ["api", "actions", "pages", "bootstrap", "runtime", "openapi"],
} as const;

const LIB = path.resolve(import.meta.dirname);
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;
const layerOf = new Map<string, number>(
  Object.values(LAYERS).flatMap((modules, rank) => modules.map((module) => [module, rank] as const)),
);
const layerName = (rank: number) => Object.keys(LAYERS)[rank];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-support\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** The module a file of lib/ belongs to: its first folder, or the file itself at the top. */
const moduleOf = (file: string) => path.relative(LIB, file).split(path.sep)[0]!;

function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, "utf8").matchAll(IMPORT)].flatMap(([, spec]) => {
    if (!spec) return [];
    if (spec.startsWith("@/lib/")) return [path.join(LIB, spec.slice("@/lib/".length))];
    if (spec.startsWith(".")) return [path.resolve(path.dirname(file), spec)];
    return [];
  });
}

const files = sourceFiles(LIB);
const edges = files.flatMap((file) =>
  importsOf(file)
    .filter((target) => target.startsWith(LIB + path.sep) && moduleOf(target) !== "generated")
    .map((target) => ({ file, target, from: moduleOf(file), to: moduleOf(target) })),
);

describe("the layers of lib/", () => {
  it("every module of lib/ has a layer", () => {
    const loose = [...new Set(files.map(moduleOf))].filter((module) => !layerOf.has(module));
    expect(loose).toEqual([]);
  });

  it("a module imports only from its own layer or a lower one", () => {
    const upward = edges
      .filter(({ from, to }) => (layerOf.get(to) ?? 0) > (layerOf.get(from) ?? 0))
      .map(
        ({ file, target, from, to }) =>
          `${path.relative(LIB, file)} (${layerName(layerOf.get(from)!)}) → ${path.relative(LIB, target)} (${layerName(layerOf.get(to)!)})`,
      );
    expect(upward).toEqual([]);
  });

  it("no two modules import each other, directly or around a loop", () => {
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) if (from !== to) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    expect(loops(graph)).toEqual([]);
  });
});

/** The strongly connected components of more than one module (Tarjan's algorithm). */
function loops(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
