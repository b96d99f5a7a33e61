// next-auth v4 configuration: email + password (Credentials provider), sessions as signed JWT cookies.
// The token carries only the user id (`sub`); role, organization and "still active?" are read from the
// database on every request by current-user.ts. Built per call so env() is read at request time, never
// while `next build` imports the module.
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { type Db, db } from "../db/client";
import { env } from "../env";
import { authorizeCredentials } from "./authorize-credentials";

/** Sessions end after 12 hours; a deactivated user is cut off at their next request regardless. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** `database` is for tests; the app always uses the process-wide client. */
export function authOptions(database: () => Db = db): AuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials) => authorizeCredentials(database(), credentials),
      }),
    ],
    // One line per problem (e.g. a forged or expired session cookie), never the metadata objects, which
    // can hold request details.
    logger: {
      error(code, metadata) {
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: unknown })?.message;
        console.error(`[next-auth] ${code}${typeof message === "string" ? `: ${message}` : ""}`);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
    callbacks: {
      // Keep the token to the user id and the sign-in time: nothing in it is trusted for authorization
      // anyway. `signedInAt` is set once, at sign-in (next-auth re-signs the cookie, and its `iat`, on
      // every session read), so a deactivation can refuse every session older than itself.
      jwt({ token, user }) {
        if (user) return { sub: user.id, signedInAt: Date.now() };
        return { sub: token.sub, signedInAt: token.signedInAt };
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub ?? "", signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : 0 },
        };
      },
    },
  };
}
