// What the latency phase needs in the product before it starts, made through the public API like an
// ATS would: the pipeline, one position advertised on SEEK, and K applications each with its own
// seek-token (so every status change becomes one ApplicationStatusUpdate signal).
import { BENCH_PIPELINE, BENCH_POSITION_PROFILE_ID } from "./seed-deliveries";

export const BENCH_POSITION = "bench-position";
export const BENCH_PIPELINE_KEY = "bench-application";

export type BenchApplication = { id: string; token: string };

async function put(baseUrl: string, apiKey: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 202 && response.status !== 200) {
    throw new Error(`PUT ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

export async function setUpApplications(
  baseUrl: string,
  apiKey: string,
  count: number,
  concurrency = 8,
): Promise<BenchApplication[]> {
  await put(baseUrl, apiKey, `/api/v1/pipelines/${BENCH_PIPELINE_KEY}`, BENCH_PIPELINE);
  await put(baseUrl, apiKey, `/api/v1/positions/${BENCH_POSITION}`, {
    title: "Barista",
    applicationPipeline: BENCH_PIPELINE_KEY,
    seekPositionProfileIds: [BENCH_POSITION_PROFILE_ID],
    applyUrl: "https://ats.example.com/jobs/bench/apply",
  });
  const applications = Array.from({ length: count }, (_, i) => ({
    id: `bench-app-${i}`,
    token: `benchPublicTest-app${String(i).padStart(6, "0")}-${Math.random().toString(36).slice(2, 12)}`,
  }));
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < applications.length; i = next++) {
      const application = applications[i]!;
      await put(baseUrl, apiKey, `/api/v1/applications/${application.id}`, {
        positionId: BENCH_POSITION,
        candidate: { given: "Terry", family: `Astley ${i}`, email: `terry.${i}@example.com` },
        seekToken: application.token,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return applications;
}

/** Status keys a benchmark event moves an application to: consecutive rounds never repeat one. */
export const STATUS_CYCLE = ["phone-screen", "first-interview", "second-interview"] as const;
