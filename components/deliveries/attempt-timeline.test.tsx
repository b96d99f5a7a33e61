// Server-rendered markup of the attempts timeline: bodies from a board are text, never markup.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TAdminDeliveryAttempt } from "@/lib/delivery-log/admin-delivery-types";
import { AttemptTimeline } from "./attempt-timeline";

const attempt: TAdminDeliveryAttempt = {
  id: "a1",
  requestId: "req-123",
  workerId: "worker-1",
  startedAt: "2026-11-23T10:00:00.000Z",
  durationMs: 1234,
  httpStatus: 502,
  outcome: "retry",
  errorCodes: ["BAD_GATEWAY"],
  errorMessage: "<b>gateway</b>",
  requestBody: '{"query":"mutation"}',
  responseBody: '<html><script>alert("x")</script></html>',
  batchSize: 3,
};

describe("AttemptTimeline markup", () => {
  it("shows each attempt's request id, worker, HTTP status, error codes and duration", () => {
    const html = renderToStaticMarkup(<AttemptTimeline attempts={[attempt]} />);
    for (const text of ["req-123", "worker-1", "502", "BAD_GATEWAY", "1,234 ms", "3 deliveries"]) {
      expect(html).toContain(text);
    }
  });

  it("renders bodies and messages from a board as text, in collapsible blocks", () => {
    const html = renderToStaticMarkup(<AttemptTimeline attempts={[attempt]} />);
    expect(html).not.toMatch(/<script>|<b>gateway/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html.match(/<details/g)).toHaveLength(2);
  });

  it("says when nothing was sent yet, and when a body was not recorded", () => {
    expect(renderToStaticMarkup(<AttemptTimeline attempts={[]} />)).toContain("No attempts yet");
    // Workers count a try that stopped before any request (e.g. SEEK not configured): say so, not "none".
    expect(renderToStaticMarkup(<AttemptTimeline attempts={[]} claimed={2} />)).toContain(
      "all 2 attempts so far stopped before sending",
    );
    const html = renderToStaticMarkup(<AttemptTimeline attempts={[{ ...attempt, responseBody: null }]} />);
    expect(html).toContain("Response body: none recorded");
  });
});
