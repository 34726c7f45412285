/**
 * A canonical JSON text: object keys sorted by code unit, no whitespace, `undefined`
 * members dropped, the rest as JSON.stringify writes it (RFC 8785's ordering; Accord's
 * content has no floating-point values, where the two could differ). Equal documents give
 * equal text, and so equal hashes, whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error("not representable in JSON");
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
