// The client address used to rate-limit the public capture route. Behind a proxy the nearest hop's
// X-Forwarded-For entry is used; a client can add fake entries to the left, never to the right.
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const hops =
    forwarded
      ?.split(",")
      .map((hop) => hop.trim())
      .filter(Boolean) ?? [];
  return hops.at(-1) ?? request.headers.get("x-real-ip") ?? "unknown";
}
