// The linkedin-note channel: application notes to LinkedIn's Recruiter System Connect notes API. The
// engine hands it claimed rows (possibly of several applications and organizations); it groups them per
// organization and application, sends each application's changes in order, at most 100 per request,
// within LinkedIn's limits, and reports an outcome for every row and every HTTP request it made.

import type { Db } from "../db/client";
import type { Channel, ChannelSendResult, SendContext } from "../delivery/channel";
import { createLinkedinAccessTokens, type LinkedinAccessTokens } from "./access-token";
import { deliverOrganizationNotes } from "./deliver-organization-notes";
import { type LinkedinSettings, linkedinSettingsFromEnv } from "./linkedin-settings";
import { parseNotePayload } from "./note-payload";
import { MAX_NOTES_PER_REQUEST, type NoteChange } from "./plan-note-requests";
import { SendCollector } from "./send-collector";
import { LINKEDIN_LIMITS, type LinkedinLimits } from "./throttle";

export type LinkedinNoteChannelOptions = {
  db: Db;
  /** read at every send; default: from the environment (LINKEDIN_*, SIGNALHOUSE_ENCRYPTION_KEY) */
  settings?: () => LinkedinSettings;
  /** LinkedIn's limits; tests inject smaller ones, the product keeps the default */
  limits?: LinkedinLimits;
  /** share one token cache between channel instances of a process (default: its own) */
  tokens?: LinkedinAccessTokens;
  /** per HTTP request (default 15 s) */
  requestTimeoutMs?: number;
  /** the whole send (default 60 s); no request starts that could not finish within it */
  maxSendMs?: number;
  /** applications sent side by side within one send (default 4) */
  concurrency?: number;
};

export function createLinkedinNoteChannel(options: LinkedinNoteChannelOptions): Channel {
  const settings = options.settings ?? linkedinSettingsFromEnv;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxSendMs = options.maxSendMs ?? 60_000;
  const tokens =
    options.tokens ??
    createLinkedinAccessTokens({
      db: options.db,
      settings: () => {
        const { tokenUrl, encryptionKey } = settings();
        return { tokenUrl, encryptionKey };
      },
    });

  async function send(batch: Parameters<Channel["send"]>[0], context: SendContext): Promise<ChannelSendResult> {
    const startBy = Date.now() + maxSendMs - 1_000;
    const out = new SendCollector();
    const byOrganization = new Map<string, NoteChange[]>();
    for (const row of batch) {
      const payload = parseNotePayload(row.payload);
      if (!payload) {
        const message = "The outbox payload is not a LinkedIn note change; it cannot be sent.";
        out.settle(row.id, { kind: "failed", code: "LINKEDIN_BAD_PAYLOAD", message });
        continue;
      }
      const list = byOrganization.get(row.organizationId) ?? [];
      list.push({ deliveryId: row.id, organizationId: row.organizationId, payload });
      byOrganization.set(row.organizationId, list);
    }
    const current = settings();
    for (const [organizationId, changes] of byOrganization) {
      try {
        await deliverOrganizationNotes(
          organizationId,
          changes,
          {
            db: options.db,
            settings: current,
            tokens,
            limits: options.limits ?? LINKEDIN_LIMITS,
            requestTimeoutMs,
            startBy,
            concurrency: options.concurrency ?? 4,
            context,
          },
          out,
        );
      } catch (error) {
        // A database or programming error: whatever this organization's rows did not settle is retried.
        const message = `The LinkedIn channel failed: ${error instanceof Error ? error.message : String(error)}`;
        for (const c of changes) {
          if (!out.outcomes.has(c.deliveryId)) {
            out.settle(c.deliveryId, { kind: "retry", code: "LINKEDIN_CHANNEL_ERROR", message });
          }
        }
      }
    }
    return out.result();
  }

  return { name: "linkedin-note", orderedRuns: true, maxBatch: MAX_NOTES_PER_REQUEST, maxSendMs, send };
}

/** The product's channel: settings from the environment, LinkedIn's documented limits. */
export function linkedinNoteChannelFromEnv(db: Db): Channel {
  return createLinkedinNoteChannel({ db });
}
