// Worker ids name the mode, host and process, so a lease owner in the database points at a process.
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { WorkerMode } from "./heartbeat";

export function newWorkerId(mode: WorkerMode): string {
  return `${mode}:${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
