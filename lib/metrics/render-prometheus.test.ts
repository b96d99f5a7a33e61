import { describe, expect, it } from "vitest";
import { renderPrometheus } from "./render-prometheus";

describe("renderPrometheus", () => {
  it("writes each family with HELP, TYPE and labelled samples in the text format", () => {
    const text = renderPrometheus({
      deliveries: [
        { channel: "seek-signal", state: "pending", count: 3 },
        { channel: "linkedin-note", state: "failed", count: 1 },
      ],
      oldestPendingSeconds: [{ channel: "seek-signal", seconds: 12.5 }],
      attempts: [{ outcome: "delivered", count: 7 }],
      workersAlive: 2,
    });
    expect(text).toContain(
      '# TYPE signalhouse_deliveries gauge\nsignalhouse_deliveries{channel="seek-signal",state="pending"} 3',
    );
    expect(text).toContain('signalhouse_deliveries{channel="linkedin-note",state="failed"} 1');
    expect(text).toContain('signalhouse_oldest_pending_seconds{channel="seek-signal"} 12.5');
    expect(text).toContain(
      '# TYPE signalhouse_delivery_attempts_total counter\nsignalhouse_delivery_attempts_total{outcome="delivered"} 7',
    );
    expect(text).toContain("signalhouse_workers_alive 2\n");
  });

  it("escapes label values", () => {
    const text = renderPrometheus({
      deliveries: [{ channel: 'a"b\\c', state: "x", count: 1 }],
      oldestPendingSeconds: [],
      attempts: [],
      workersAlive: 0,
    });
    expect(text).toContain('channel="a\\"b\\\\c"');
  });
});
