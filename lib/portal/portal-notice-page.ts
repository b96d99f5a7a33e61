// What a person sees in the frame when the portal cannot open: a used, expired or unknown link, or a
// session that has ended. A plain page that says what happened and what to do, never an error screen.
import { frameAncestors } from "./portal-framing";

export type TPortalNotice = "used" | "expired" | "unknown" | "ended";

const NOTICES: Record<TPortalNotice, { title: string; message: string }> = {
  used: {
    title: "This link has already been used",
    message: "Each link opens the hiring settings once, for your security.",
  },
  expired: {
    title: "This link has expired",
    message: "Links open the hiring settings only for a short time after they are made.",
  },
  unknown: {
    title: "This link is not valid",
    message: "It may have been copied incompletely.",
  },
  ended: {
    title: "Your session has ended",
    message: "Sessions end after a while, or when your ATS signs you out.",
  },
};

export const ASK_AGAIN = "Ask your ATS to open Signalhouse again.";

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * The page, framable by the organization's origins when the link named one, else by any page: it holds
 * no data and no control, so framing it can trick no one into anything.
 */
export function portalNoticePage(notice: TPortalNotice, origins: readonly string[]): Response {
  const { title, message } = NOTICES[notice];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#0f172a}h1{font-size:1.25rem}</style></head><body><main data-portal-notice="${notice}"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><strong>${escapeHtml(ASK_AGAIN)}</strong></p></main></body></html>`;
  return new Response(html, {
    status: notice === "unknown" ? 404 : 410,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy": origins.length > 0 ? frameAncestors(origins) : "frame-ancestors *",
    },
  });
}
