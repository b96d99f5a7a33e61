// GET /embed.js — the script an ATS page includes to embed the hirer portal (lib/portal/embed-script.ts)
import { EMBED_SCRIPT } from "@/lib/portal/embed-script";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(EMBED_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      // loaded by the ATS's pages, from another origin
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
