// The benchmark's knobs, from the environment. They are not product configuration (lib/env.ts): they
// size and place one benchmark run, and DATABASE_URL here is the admin connection the bench creates
// and drops its own database through, never a database the bench writes into.
import { z } from "zod";

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** A comma-separated list of numbers ("" is an empty list, which skips a phase), checked by `list`. */
const numbers = (fallback: string, list: z.ZodType<number[], number[]>) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .map(Number),
    )
    .pipe(list);

const ZBenchEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .default("postgresql://postgres@127.0.0.1:5432/test"),
  /**
   * a database name the bench may drop and create (a shared server where each user owns some); without
   * it the bench creates a uniquely named one. Either way it is dropped at the end.
   */
  BENCH_DATABASE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a plain lower-case PostgreSQL name")
    .optional(),
  /** a folder for the drain workers' CPU profiles (node --cpu-prof), to see where a drain's time goes */
  BENCH_CPU_PROFILE_DIR: z.string().min(1).optional(),
  /** queued deliveries each drain (and the floor) works through; 0 skips the drains */
  BENCH_DELIVERIES: z.coerce.number().int().min(0).default(20_000),
  /** worker-process counts to drain with, in order */
  BENCH_WORKERS: z
    .string()
    .default("1,2")
    .transform((v) => v.split(",").map((n) => Number(n.trim())))
    .pipe(z.array(z.number().int().min(1).max(8)).min(1)),
  /**
   * graphile-worker peers drained in the same run (signals per job, one HTTP request per job); "" skips
   * them. "1" is one job and one request per signal, the shape issue #16 compares the engine with.
   */
  BENCH_PEERS: numbers("1,100", z.array(z.number().int().min(1).max(100))),
  /** seconds each API throughput scenario runs in all (closed loop, worker off); 0 skips the phase */
  BENCH_API_SECONDS: z.coerce.number().int().min(0).default(15),
  /** rounds those seconds are split into, the scenarios taking turns (api-throughput.ts) */
  BENCH_API_ROUNDS: count(3),
  /** requests the API throughput phase keeps open at once (issue #16: 64) */
  BENCH_API_CONCURRENCY: count(64),
  /** steady rates (events/s) for the API→receipt latency phase; "" skips it */
  BENCH_RATES: numbers("500", z.array(z.number().int().min(1).max(5000))),
  BENCH_RATE_SECONDS: count(20),
  /**
   * changes per request in the steady-rate phase, one run per entry at each rate: 1 sends each change on
   * its own (POST /applications/{id}/status), more sends them as POST /status-changes batches, the way an
   * ATS with 500 changes a second would (issue #16 names the rate, not the request shape)
   */
  BENCH_RATE_BATCHES: numbers("1,20", z.array(z.number().int().min(1).max(1000)).min(1)),
  /**
   * distinct applications the latency phase spreads its status changes over; more than
   * BENCH_MAX_IN_FLIGHT, so two changes of one application are (almost) never in flight together
   */
  BENCH_APPLICATIONS: count(300),
  /** most API requests the sender keeps open at once (bounds the sender when the app falls behind) */
  BENCH_MAX_IN_FLIGHT: count(256),
  /** first port of the bench's range: the SEEK mock takes it, the app the next one */
  BENCH_PORT: z.coerce.number().int().min(1024).max(65_000).default(4700),
  /** a drain that has not finished by then is reported as unfinished (not waited for) */
  BENCH_DRAIN_TIMEOUT_SECONDS: count(240),
  /**
   * "off" sets jit = off on the bench's database (ALTER DATABASE), for every connection to it: a
   * diagnostic run, to see what PostgreSQL's JIT compilation of the claim query costs the engine
   */
  BENCH_PG_JIT: z.enum(["default", "off"]).default("default"),
  /** SEEK history items queued at once for the 60-second deadline measurement; 0 skips it */
  BENCH_HISTORY_ITEMS: z.coerce.number().int().min(0).default(1_000),
  /** rows for the delivery-log listing timing; 0 skips it */
  BENCH_LOG_ROWS: z.coerce.number().int().min(0).default(1_000_000),
  /** how long `npm start` may take to build and open its port */
  BENCH_APP_START_SECONDS: count(900),
});

export type BenchConfig = z.infer<typeof ZBenchEnv>;

export function benchConfig(source: Record<string, string | undefined> = process.env): BenchConfig {
  const result = ZBenchEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid benchmark configuration:\n${lines.join("\n")}`);
}
