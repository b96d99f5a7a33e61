// The session next-auth hands out carries only the user id and when they signed in (see auth-options.ts).
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; signedInAt: number } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    signedInAt?: number;
  }
}
