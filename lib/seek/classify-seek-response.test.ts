import { describe, expect, it } from "vitest";
import { classifySeekResponse, parseRetryAfter, type SeekExchange } from "./classify-seek-response";

const now = new Date("2026-01-01T00:00:00.000Z");

function response(status: number, body: unknown, headers: Record<string, string> = {}): SeekExchange {
  return {
    kind: "response",
    status,
    headers: new Headers(headers),
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
const errorBody = (code: string, message = "Something", extra: Record<string, unknown> = {}) => ({
  data: null,
  errors: [{ message, extensions: { code, ...extra } }],
});
const classify = (exchange: SeekExchange) => classifySeekResponse(exchange, now);

describe("classifySeekResponse", () => {
  it("is ok for an HTTP 200 with data and no errors", () => {
    expect(classify(response(200, { data: { sendSignals: true } }))).toEqual({
      category: "ok",
      data: { sendSignals: true },
    });
  });

  describe("errors in the body of an HTTP 200 (SEEK's usual way)", () => {
    it("UNAUTHENTICATED means renew the partner token", () => {
      expect(classify(response(200, errorBody("UNAUTHENTICATED", "Authorization header missing")))).toEqual({
        category: "unauthenticated",
        codes: ["UNAUTHENTICATED"],
        message: "Authorization header missing",
      });
    });

    it("FORBIDDEN is permanent", () => {
      expect(classify(response(200, errorBody("FORBIDDEN", "No relationship")))).toMatchObject({
        category: "forbidden",
        message: "No relationship",
      });
    });

    it("INTERNAL_SERVER_ERROR is transient, without blaming the destination's health", () => {
      expect(classify(response(200, errorBody("INTERNAL_SERVER_ERROR")))).toMatchObject({
        category: "transient",
        codes: ["INTERNAL_SERVER_ERROR"],
        destinationUnhealthy: false,
      });
    });

    it("a code SEEK added after we were written is transient, and kept for the dashboard", () => {
      expect(classify(response(200, errorBody("SOMETHING_NEW", "New thing")))).toMatchObject({
        category: "transient",
        codes: ["SOMETHING_NEW"],
        message: "New thing",
      });
    });

    it("an error without a code counts as UNKNOWN and is transient", () => {
      expect(classify(response(200, { data: null, errors: [{ message: "Oops" }] }))).toMatchObject({
        category: "transient",
        codes: ["UNKNOWN"],
      });
    });

    it("an unknown rate-limit code is rate limited", () => {
      expect(classify(response(200, errorBody("RATE_LIMIT_EXCEEDED")))).toMatchObject({
        category: "rate_limited",
        retryAfterMs: null,
      });
    });

    it("a transient code mixed with BAD_USER_INPUT is transient (the input may be fine)", () => {
      const body = { errors: [...errorBody("BAD_USER_INPUT").errors, ...errorBody("INTERNAL_SERVER_ERROR").errors] };
      expect(classify(response(200, body))).toMatchObject({ category: "transient" });
    });

    it("UNAUTHENTICATED wins over anything else in the same answer", () => {
      const body = { errors: [...errorBody("FORBIDDEN").errors, ...errorBody("UNAUTHENTICATED").errors] };
      expect(classify(response(200, body))).toMatchObject({ category: "unauthenticated" });
    });
  });

  describe("BAD_USER_INPUT names the signals at fault", () => {
    it("reads `/input/signals/<i>/…` from the message", () => {
      const result = classify(response(200, errorBody("BAD_USER_INPUT", "/input/signals/41/token: Is not valid")));
      expect(result).toMatchObject({ category: "bad_user_input", message: "/input/signals/41/token: Is not valid" });
      expect(result.category === "bad_user_input" && [...result.invalidSignals]).toEqual([
        [41, "/input/signals/41/token: Is not valid"],
      ]);
    });

    it("reads every position from extensions.invalidFields, each with its own reason", () => {
      const body = errorBody("BAD_USER_INPUT", "Invalid input", {
        invalidFields: { "/input/signals/3/token": "Is not valid", "/input/signals/7/current": "Is required" },
      });
      const result = classify(response(200, body));
      expect(result.category === "bad_user_input" && [...result.invalidSignals]).toEqual([
        [3, "/input/signals/3/token: Is not valid"],
        [7, "/input/signals/7/current: Is required"],
      ]);
    });

    it("reads positions from several errors", () => {
      const body = {
        errors: [
          { message: "/input/signals/0/token: Is not valid", extensions: { code: "BAD_USER_INPUT" } },
          { message: "/input/signals/9/token: Is not valid", extensions: { code: "BAD_USER_INPUT" } },
        ],
      };
      const result = classify(response(200, body));
      expect(result.category === "bad_user_input" && [...result.invalidSignals.keys()]).toEqual([0, 9]);
    });

    it("reads graphql-js variable coercion paths (`input.signals[3]`) from an HTTP 400", () => {
      const message =
        'Variable "$input" got invalid value "one" at "input.signals[3].current.status.index"; Int cannot represent non-integer value: "one"';
      const result = classify(response(400, errorBody("BAD_USER_INPUT", message)));
      expect(result.category === "bad_user_input" && [...result.invalidSignals]).toEqual([[3, message]]);
    });

    it("names no signal for sendSignal's `/input/token` or a path without a position (the batch must be split)", () => {
      for (const message of [
        "/input/token: Is not valid",
        "Invalid input",
        "/input/signals: Must contain at most 100 items",
      ]) {
        const result = classify(response(200, errorBody("BAD_USER_INPUT", message)));
        expect(result.category === "bad_user_input" && result.invalidSignals.size).toBe(0);
      }
    });
  });

  describe("HTTP status and transport", () => {
    it("HTTP 429 with Retry-After in seconds is rate limited for that long", () => {
      expect(classify(response(429, "Too Many Requests", { "retry-after": "7" }))).toMatchObject({
        category: "rate_limited",
        retryAfterMs: 7000,
        codes: ["HTTP_429"],
      });
    });

    it("HTTP 429 with Retry-After as an HTTP date is rate limited until then", () => {
      const at = new Date(now.getTime() + 90_000).toUTCString();
      expect(classify(response(429, errorBody("TOO_MANY_REQUESTS"), { "retry-after": at }))).toMatchObject({
        category: "rate_limited",
        retryAfterMs: 90_000,
        codes: ["TOO_MANY_REQUESTS"],
      });
    });

    it("HTTP 429 without Retry-After is rate limited with no given delay", () => {
      expect(classify(response(429, ""))).toMatchObject({ category: "rate_limited", retryAfterMs: null });
    });

    it.each([500, 502, 503, 504])(
      "HTTP %i with an HTML page is transient and marks the destination unhealthy",
      (status) => {
        expect(classify(response(status, "<html>Bad Gateway</html>"))).toMatchObject({
          category: "transient",
          codes: [`HTTP_${status}`],
          destinationUnhealthy: true,
        });
      },
    );

    it("HTTP 503 with INTERNAL_SERVER_ERROR in a JSON body marks the destination unhealthy", () => {
      expect(classify(response(503, errorBody("INTERNAL_SERVER_ERROR")))).toMatchObject({
        category: "transient",
        destinationUnhealthy: true,
      });
    });

    it("HTTP 401 without a GraphQL body is unauthenticated", () => {
      expect(classify(response(401, "Unauthorized"))).toMatchObject({
        category: "unauthenticated",
        codes: ["HTTP_401"],
      });
    });

    it("a query SEEK could not validate (HTTP 400 GRAPHQL_VALIDATION_FAILED) is transient, not the signals' fault", () => {
      expect(classify(response(400, errorBody("GRAPHQL_VALIDATION_FAILED")))).toMatchObject({
        category: "transient",
        destinationUnhealthy: false,
      });
    });

    it("an HTTP 200 that is not JSON, or has no data, is transient", () => {
      expect(classify(response(200, "<html>captive portal</html>"))).toMatchObject({ category: "transient" });
      expect(classify(response(200, { data: null }))).toMatchObject({ category: "transient" });
    });

    it("a timeout and a network failure are transient and mark the destination unhealthy", () => {
      expect(classify({ kind: "timeout", message: "timed out after 10000 ms" })).toMatchObject({
        category: "transient",
        codes: ["TIMEOUT"],
        destinationUnhealthy: true,
      });
      expect(classify({ kind: "network", message: "ECONNREFUSED" })).toMatchObject({
        category: "transient",
        codes: ["NETWORK_ERROR"],
        destinationUnhealthy: true,
      });
    });

    it("our own abort (shutdown, send deadline) is transient and says nothing about SEEK's health", () => {
      expect(classify({ kind: "aborted", message: "aborted" })).toMatchObject({
        category: "transient",
        codes: ["ABORTED"],
        destinationUnhealthy: false,
      });
    });
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["120", 120_000],
    [" 5 ", 5000],
    ["Thu, 01 Jan 2026 00:00:30 GMT", 30_000],
    ["Wed, 31 Dec 2025 23:00:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["", null],
  ])("reads %j as %j ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it("reads an absent header as null", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
