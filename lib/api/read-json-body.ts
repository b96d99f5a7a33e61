// Reads a JSON request body with a size cap, so a huge body is refused before it is buffered whole.
import { AppError } from "../errors/app-error";

export const MAX_BODY_BYTES = 256 * 1024;

export async function readJsonBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ value: unknown; text: string }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as JSON (Content-Type: application/json), not ${type}.`,
    );
  }
  const text = await readCapped(request, maxBytes);
  if (text.trim() === "") return { value: {}, text: "" };
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch (error) {
    throw new AppError("INVALID_JSON", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    // JSON is UTF-8 (RFC 8259); replacing bad bytes with U+FFFD would store text the client never sent.
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("INVALID_JSON", "The body is not valid UTF-8; send JSON encoded as UTF-8.");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes / 1024} KiB.`);
}
