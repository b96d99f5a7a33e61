// An id the ATS chose (position, application, candidate, note…): unique per organization, used in paths.
import { z } from "zod";

export const ZExternalId = z
  .string()
  .min(1)
  .max(200, "must be at most 200 characters")
  .regex(/^[^\s/?#]+$/, "must not contain whitespace, '/', '?' or '#'");
