// Ids for rows written with raw SQL, in the shape Prisma's `@default(cuid())` gives the rest: "c", the
// time, a per-process counter, a per-process fingerprint and randomness, 25 lower-case characters. The
// delivery log recognises a delivery id by that shape (lib/delivery-log/classify-search.ts), and rows
// of one table should not have two kinds of id. Unique the way cuid v1 is: time + counter + randomness.
import { randomBytes } from "node:crypto";

const BLOCK = 36 ** 4;
const pad = (value: number, size: number) => value.toString(36).padStart(size, "0").slice(-size);
const randomBlock = () => pad(randomBytes(4).readUInt32BE(0) % BLOCK, 4);
const fingerprint = `${pad(process.pid % BLOCK, 2)}${randomBlock().slice(0, 2)}`;
let counter = randomBytes(2).readUInt16BE(0) % BLOCK;

export function newCuid(): string {
  counter = (counter + 1) % BLOCK;
  return `c${pad(Date.now(), 8)}${pad(counter, 4)}${fingerprint}${randomBlock()}${randomBlock()}`;
}
