// Which SEEK identifiers a signal about this application carries, and when they stop being valid.
// An Optimised Apply id wins over a link-out token: it names the application on SEEK directly.
import { TOKEN_PREFIX_LENGTH } from "../delivery/enqueue/enqueue-delivery";
import { identifierExpiresAt } from "../delivery/enqueue/identifier-expiry";
import type { ApplicationIdentifiers } from "../signals/build-signal";

export type ApplicationSeekFacts = {
  seekCandidateApplicationProfileId: string | null;
  createdAt: Date;
  capture: { token: string; capturedAt: Date } | null;
  positionProfileIds: string[];
};

export type ResolvedIdentifiers = { ids: ApplicationIdentifiers; expiresAt: Date; tokenPrefix?: string };

export function resolveSeekIdentifiers(facts: ApplicationSeekFacts): ResolvedIdentifiers | undefined {
  if (facts.seekCandidateApplicationProfileId) {
    return {
      ids: { kind: "optimised-apply", candidateApplicationProfileId: facts.seekCandidateApplicationProfileId },
      expiresAt: identifierExpiresAt(facts.createdAt),
    };
  }
  if (facts.capture) {
    return {
      ids: { kind: "link-out", token: facts.capture.token, positionProfileIds: facts.positionProfileIds },
      expiresAt: identifierExpiresAt(facts.capture.capturedAt),
      tokenPrefix: facts.capture.token.slice(0, TOKEN_PREFIX_LENGTH),
    };
  }
  return undefined;
}
