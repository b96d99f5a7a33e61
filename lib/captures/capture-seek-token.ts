// GET /apply/{orgSlug}/{positionId} (and the older /apply/{positionId}): store the seek-token exactly as
// received and send the candidate on to the position's own apply form with sh_capture. Without a token it
// just redirects.
import type { DbTx } from "../db/tx";
import { AppError } from "../errors/app-error";
import { parseApplyTarget } from "./apply-target";
import { buildApplyRedirect } from "./build-apply-redirect";
import { findApplyPosition } from "./find-apply-position";
import { newCaptureId } from "./new-capture-id";
import { MAX_SEEK_TOKEN_LENGTH } from "./seek-token-limits";
import { rawSeekToken, splitRawQuery } from "./split-raw-query";

export type CaptureResult = { location: string; captureId?: string };

export async function captureSeekToken(
  tx: DbTx,
  input: { path: readonly string[]; rawSearch: string },
  now: Date = new Date(),
): Promise<CaptureResult> {
  const params = splitRawQuery(input.rawSearch);
  const target = parseApplyTarget(input.path, params);
  const position = target && (await findApplyPosition(tx, target));
  if (!position) throw new AppError("NOT_FOUND", "This job is not available.");

  const token = rawSeekToken(params);
  if (token === undefined || token === "")
    return { location: buildApplyRedirect(position.applyUrl, params, undefined) };
  if (token.length > MAX_SEEK_TOKEN_LENGTH) throw new AppError("BAD_REQUEST", "This link is not valid.");

  const capture = await tx.seekTokenCapture.create({
    data: {
      id: newCaptureId(),
      organizationId: position.organizationId,
      positionId: position.id,
      token,
      capturedAt: now,
      source: "redirect",
    },
  });
  return { location: buildApplyRedirect(position.applyUrl, params, capture.id), captureId: capture.id };
}
