// How a stored secret is shown: enough for a person to recognise which one is set ("set · ab…yz"), never
// enough to use it. Short secrets show no characters at all, since four of eight would be half of it.
export const SECRET_LABEL_MIN_LENGTH_FOR_HINT = 12;

export type TSecretState =
  | { state: "unset" }
  | { state: "set"; label: string }
  | { state: "unreadable"; label: string };

export function secretLabel(plaintext: string): string {
  if (plaintext.length < SECRET_LABEL_MIN_LENGTH_FOR_HINT) return "set";
  return `set · ${plaintext.slice(0, 2)}…${plaintext.slice(-2)}`;
}

/** The display state of an encrypted column, given a way to open it (decryption stays with the caller). */
export function describeSealedSecret(sealed: string | null, open: (sealed: string) => string): TSecretState {
  if (!sealed) return { state: "unset" };
  try {
    return { state: "set", label: secretLabel(open(sealed)) };
  } catch {
    // Wrong or rotated SIGNALHOUSE_ENCRYPTION_KEY: say so instead of failing the page.
    return { state: "unreadable", label: "set · cannot be decrypted with the current key (replace it)" };
  }
}
