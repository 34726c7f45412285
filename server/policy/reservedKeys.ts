import * as Y from "yjs";

/**
 * The key that plain assignment does not store: Yjs builds attribute objects with
 * `res[key] = value` (map entries, text formats) and lib0 decodes JSON objects the same way,
 * so a key `__proto__` sets the object's prototype instead. Every check that lists keys
 * (Object.entries) misses it, while y-tiptap and ProseMirror read it through `for … in` and
 * `attrs.x`: a mark, a suggestion id or a colspan no rule saw (issue 11). `constructor` and
 * `prototype` assign as ordinary own keys; the schema checks them with `Object.hasOwn`.
 */
const RESERVED_KEY = "__proto__";

/**
 * Why `update` carries a reserved key, or null: an entry of a map or an element attribute
 * (an Item's `parentSub`), a text format (ContentFormat's key) named `__proto__`, or a JSON
 * value (ContentAny, ContentEmbed, a format's value, ContentJSON, a subdocument's options)
 * holding an object whose prototype is not Object.prototype, which is how a decoded own
 * `__proto__` key shows itself. Pure; throws only if `update` does not decode.
 */
export function reservedKeyProblem(decoded: ReturnType<typeof Y.decodeUpdate>): string | null {
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.parentSub === RESERVED_KEY) return `the key ${RESERVED_KEY} is reserved`;
    const problem = contentProblem(struct.content);
    if (problem) return problem;
  }
  return null;
}

function contentProblem(content: Y.Item["content"]): string | null {
  if (content instanceof Y.ContentFormat) {
    if (content.key === RESERVED_KEY) return `the format ${RESERVED_KEY} is reserved`;
    return valueProblem(content.value);
  }
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return valueProblem(content.arr);
  if (content instanceof Y.ContentEmbed) return valueProblem(content.embed);
  if (content instanceof Y.ContentDoc) return valueProblem(content.opts);
  return null;
}

/**
 * Walks a decoded JSON value without recursion (lib0 decodes nesting the stack allows, the
 * walk must not overflow on it); its size is bounded by the update's, which the room bounds.
 */
function valueProblem(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== "object" || next instanceof Uint8Array) continue;
    const prototype = Array.isArray(next) ? Array.prototype : Object.prototype;
    // JSON.parse (ContentJSON) keeps `__proto__` as an own key; readAny turns it into the prototype.
    if (Object.getPrototypeOf(next) !== prototype || Object.hasOwn(next, RESERVED_KEY)) {
      return `a value with the key ${RESERVED_KEY}`;
    }
    for (const inner of Object.values(next)) pending.push(inner);
  }
  return null;
}
