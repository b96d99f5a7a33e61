// The notes endpoint of one application, as seed 004 writes it, in Rest.li 1.0 encoding throughout:
//   /v2/atsApplications/atsJobApplicationId={id}&dataProvider=ATS&integrationContext={urn}/notes?ids=N1&ids=N2
// Key values and ids are percent-encoded, so an id holding & = / ? # cannot break the key apart. The
// characters Rest.li 2.0 gives meaning to — ( ) , ' ! * — are encoded as well, so nothing we send can
// read as 2.0 syntax (LinkedIn: never mix the two). ":" stays literal, as in the seed's URNs: it is
// legal in a path segment and a Rest.li server decodes %3A and ":" alike.

/** One value of a Rest.li 1.0 compound key or query parameter. */
export function encodeRestli1Value(value: string): string {
  return encodeURIComponent(value)
    .replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll("%3A", ":");
}

export type NotesTarget = { atsJobApplicationId: string; integrationContext: string; noteIds: readonly string[] };

/** Path and query (no host): also what the request log shows. */
export function notesPathAndQuery(target: NotesTarget): string {
  const key = [
    `atsJobApplicationId=${encodeRestli1Value(target.atsJobApplicationId)}`,
    "dataProvider=ATS",
    `integrationContext=${encodeRestli1Value(target.integrationContext)}`,
  ].join("&");
  const ids = target.noteIds.map((id) => `ids=${encodeRestli1Value(id)}`).join("&");
  return `/v2/atsApplications/${key}/notes?${ids}`;
}

export function notesUrl(apiUrl: string, target: NotesTarget): string {
  return `${apiUrl.replace(/\/+$/, "")}${notesPathAndQuery(target)}`;
}

/**
 * `{ "entities": { "N1": {…}, "N2": {…} } }` with the entities in the given order. JSON.stringify of an
 * object would move integer-like note ids ("10", "2") to the front in ascending order.
 */
export function batchUpdateBody(entities: readonly (readonly [string, unknown])[]): string {
  const members = entities.map(([id, entity]) => `${JSON.stringify(id)}:${JSON.stringify(entity)}`);
  return `{"entities":{${members.join(",")}}}`;
}
