// npm start: the whole product on a bare machine. Generates the Prisma client and builds the app when
// they are missing or stale, prepares the database (migrations, default organization, first admin), then
// serves the app (scripts/serve.mjs). The database is prepared here, before the server opens it, because an embedded
// PGlite folder may be opened by only one process at a time.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { applyLocalSecrets } from "../lib/bootstrap/local-secrets";
import { prepareDatabase } from "../lib/bootstrap/prepare-database";
import { closePglite } from "../lib/db/pglite";
import { describeTarget } from "../lib/db/target";
import { EnvError, parseEnv } from "../lib/env";

const root = process.cwd();
// Next's anonymous telemetry would call out to the internet from the build and the server; a plug-in
// running inside someone's ATS should not. Set NEXT_TELEMETRY_DISABLED=0 to allow it.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const dev = process.argv.includes("--dev");

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const dataDir = process.env.SIGNALHOUSE_DATA_DIR?.trim() || "./.data";
const generated = applyLocalSecrets(process.env, dataDir);
if (generated.length > 0) {
  console.log(
    `[signalhouse] ${generated.join(" and ")} not set: using the generated value kept in ${dataDir}/secrets.json`,
  );
}

let config: ReturnType<typeof parseEnv>;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const schema = path.join(root, "prisma/schema.prisma");
const client = path.join(root, "lib/generated/prisma/client.ts");
if (!fs.existsSync(client) || fs.statSync(client).mtimeMs < fs.statSync(schema).mtimeMs) {
  run("npm", ["run", "--silent", "db:generate"]);
}

if (!dev) {
  const buildId = path.join(root, ".next/BUILD_ID");
  const sources = Math.max(
    ...["app", "components", "lib", "public"].map((d) => newestMtime(path.join(root, d))),
    ...["next.config.js", "package.json", "instrumentation.ts", "proxy.ts"]
      .map((f) => path.join(root, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  );
  if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < sources) {
    console.log("[signalhouse] building the app (first start, or sources changed)…");
    run("npx", ["next", "build"]);
  }
}

const prepared = await prepareDatabase(config);
console.log(`[signalhouse] database: ${describeTarget(prepared.target)}`);
if (prepared.appliedMigrations.length > 0) {
  console.log(`[signalhouse] applied migrations: ${prepared.appliedMigrations.join(", ")}`);
}
if (prepared.admin === "created")
  console.log(`[signalhouse] created the first admin ${config.SIGNALHOUSE_ADMIN_EMAIL}`);
if (prepared.admin === "needs-setup") {
  console.log(`[signalhouse] no admin yet: open http://localhost:${config.PORT}/setup to create the first one`);
}
if (prepared.target.kind === "pglite") await closePglite(prepared.target.dataDir);

const server = spawn(process.execPath, ["scripts/serve.mjs", ...(dev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
