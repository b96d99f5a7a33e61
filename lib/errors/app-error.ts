// The one error type for expected failures. Its code decides the HTTP status in one place (httpStatusOf);
// anything that is not an AppError is unexpected: logged, and answered generically.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** a pipeline version would drop statuses records are in; issues: [{ status, count }] */
  STATUS_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  /** a time the client says something happened is more than 5 minutes ahead of the server clock */
  OCCURRED_IN_FUTURE: 422,
  /** a webhook URL that is not http(s), points at an internal address or at the app itself (decision 0148) */
  WEBHOOK_URL_NOT_ALLOWED: 422,
  RATE_LIMITED: 429,
  /** the server is not configured for this (e.g. CRON_SECRET unset) */
  SERVICE_UNAVAILABLE: 503,
  /** the database could not take the write in time (lib/db/database-busy.ts); nothing was written */
  BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: unknown[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
