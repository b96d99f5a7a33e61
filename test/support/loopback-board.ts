// A stand-in job board on 127.0.0.1 for delivery tests: it takes batches over real HTTP, remembers every
// item it accepted (by delivery id, with the worker and request that carried it), and injects faults per
// destination: status codes, Retry-After, per-item rejections, slow or never-answered requests.
// Items are JSON `{ id, payload }`; `payload.key` (when present) is tracked for ordering checks.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ItemVerdict = "ok" | "expired" | { error: string; message?: string; permanent: boolean };

export type BoardItem = { id: string; payload: unknown };

export type BoardRequest = {
  destination: string;
  requestId: string;
  workerId: string;
  items: BoardItem[];
  /** Date.now() of the test process when the request's body had arrived */
  receivedAt: number;
};

export type BoardResponse = {
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** never answer (until the board closes) */
  hang?: boolean;
  /** per-item verdicts for a 200 answer (default ok) */
  items?: (item: BoardItem) => ItemVerdict;
};

export type Accepted = { id: string; destination: string; requestId: string; workerId: string; key: string | null };

export type LoopbackBoard = {
  url: string;
  /** every item answered ok, in the order the board accepted them */
  accepted: Accepted[];
  /** every request that reached the board */
  requests: BoardRequest[];
  /** how many times each delivery id was accepted */
  acceptedCount(id: string): number;
  /** most requests carrying the same payload.key that were open at once */
  maxConcurrentPerKey: number;
  /** requests told to hang that are still open */
  hangingCount(): number;
  /** faults for one destination (or "*" for all); null restores the default 200 ok */
  behave(destination: string, behaviour: ((request: BoardRequest, index: number) => BoardResponse) | null): void;
  close(): Promise<void>;
};

function keyOf(payload: unknown): string | null {
  if (payload && typeof payload === "object" && "key" in payload) return String((payload as { key: unknown }).key);
  return null;
}

export async function startLoopbackBoard(): Promise<LoopbackBoard> {
  const behaviours = new Map<string, (request: BoardRequest, index: number) => BoardResponse>();
  const requestCounts = new Map<string, number>();
  const openPerKey = new Map<string, number>();
  const countById = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const board: Omit<LoopbackBoard, "url" | "close"> = {
    accepted: [],
    requests: [],
    acceptedCount: (id) => countById.get(id) ?? 0,
    maxConcurrentPerKey: 0,
    hangingCount: () => hanging.size,
    behave: (destination, behaviour) => {
      if (behaviour) behaviours.set(destination, behaviour);
      else behaviours.delete(destination);
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const destination = decodeURIComponent((req.url ?? "").replace(/^\/send\//, ""));
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { items?: BoardItem[] };
      const request: BoardRequest = {
        destination,
        requestId: String(req.headers["x-request-id"] ?? ""),
        workerId: String(req.headers["x-worker-id"] ?? ""),
        items: body.items ?? [],
        receivedAt: Date.now(),
      };
      board.requests.push(request);
      const index = requestCounts.get(destination) ?? 0;
      requestCounts.set(destination, index + 1);
      const behaviour = behaviours.get(destination) ?? behaviours.get("*");
      const answer = behaviour?.(request, index) ?? {};
      const keys = [...new Set(request.items.map((i) => keyOf(i.payload)).filter((k): k is string => k !== null))];
      for (const key of keys) {
        const open = (openPerKey.get(key) ?? 0) + 1;
        openPerKey.set(key, open);
        board.maxConcurrentPerKey = Math.max(board.maxConcurrentPerKey, open);
      }
      const finish = () => {
        for (const key of keys) openPerKey.set(key, (openPerKey.get(key) ?? 1) - 1);
      };
      if (answer.hang) {
        hanging.add(res);
        res.on("close", () => {
          hanging.delete(res);
          finish();
        });
        return;
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      finish();
      const status = answer.status ?? 200;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (answer.retryAfterSeconds !== undefined) headers["retry-after"] = String(answer.retryAfterSeconds);
      if (status !== 200) {
        res.writeHead(status, headers).end(JSON.stringify({ error: `HTTP ${status}` }));
        return;
      }
      const results: Record<string, ItemVerdict> = {};
      for (const item of request.items) {
        const verdict = answer.items?.(item) ?? "ok";
        results[item.id] = verdict;
        if (verdict === "ok") {
          countById.set(item.id, (countById.get(item.id) ?? 0) + 1);
          const accepted = { id: item.id, destination, requestId: request.requestId, workerId: request.workerId };
          board.accepted.push({ ...accepted, key: keyOf(item.payload) });
        }
      }
      res.writeHead(200, headers).end(JSON.stringify({ results }));
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(board, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as LoopbackBoard;
}
