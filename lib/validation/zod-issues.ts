// zod issues as the API reports them: a path a person can find in their request, and what is wrong there.
import type { z } from "zod";

export type ApiIssue = { path: string; message: string; code: string };

export function toApiIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
    code: issue.code,
  }));
}
