// Passwords people choose in the UI (first admin, new users). Long beats clever: a length floor and
// nothing else, as NIST SP 800-63B advises. The env-configured first admin keeps env.ts's 8-character floor.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, "Use at most 256 characters");

export const ZEmail = z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address"));

export const ZPersonName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");
