"use client";
// Ends the session (next-auth clears the cookie) and goes to the sign-in page on this host.
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // redirect: false, then navigate ourselves: next-auth's own redirect URL is built from
        // NEXTAUTH_URL, which may name another host than the one the person is using.
        await signOut({ redirect: false });
        window.location.assign("/signin");
      }}
      className="whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
