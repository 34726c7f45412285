import { Fragment, type Mark, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { attributeProblem } from "./attributeBounds.ts";

/** Content that the shared schema cannot read: the reason is meant for the person refused. */
export class ContentStructureError extends Error {}

/** y-prosemirror stores a mark that may repeat as `name--hash`; the schema knows `name`. */
const markName = (attribute: string): string => attribute.split("--")[0] ?? attribute;

/**
 * How deep elements may nest, counted from the top-level block. The editor's UI nests lists in
 * list items, quotes and tables in cells, and no document comes near this; deeper content
 * overflows the stack of y-tiptap's recursive reading, and every freeze and export with it.
 */
export const MAX_ELEMENT_DEPTH = 32;

function fail(reason: string): never {
  throw new ContentStructureError(reason);
}

/**
 * The ProseMirror node of an element of the shared content (a top-level block or any
 * element inside one), built strictly with `schema` and checked with ProseMirror's own
 * `node.check()` (content model, marks, attributes). Where y-prosemirror builds leniently (it
 * skips embeds, builds nodes without checking their content, and deletes what it cannot
 * build, which the reader's client then sends as a change), this refuses: an embed in text,
 * an element that is not a node of the schema, an attribute the node does not have or out of
 * its range, a node in the wrong place, elements nested deeper than MAX_ELEMENT_DEPTH (its
 * ancestors count: a deep tree can be built one level per update). A text at the top level is
 * refused too.
 * Throws ContentStructureError with the reason.
 */
export function nodeOfYElement(schema: Schema, element: Y.XmlElement | Y.XmlText): PMNode {
  if (!(element instanceof Y.XmlElement)) fail("text outside a paragraph");
  let depth = 1;
  for (let p = element.parent; p instanceof Y.XmlElement; p = p.parent) depth++;
  const node = elementNode(schema, element, depth);
  try {
    node.check();
  } catch (err) {
    fail(`content does not fit the schema: ${err instanceof Error ? err.message.slice(0, 80) : String(err)}`);
  }
  return node;
}

/**
 * What must be built again after `changed` changed, so that the cost follows the edit: an
 * element itself (its children or attributes changed; its own place did not, since a Yjs
 * element never changes its name), the element around a text (typing and formatting: its
 * content and marks), or a text standing at the top level. Null for the fragment itself,
 * whose added blocks and sequence are checked separately.
 */
export function structureTarget(changed: unknown, fragment: Y.XmlFragment): Y.XmlElement | Y.XmlText | null {
  if (changed instanceof Y.XmlElement) return changed;
  if (!(changed instanceof Y.XmlText)) return null;
  return changed.parent instanceof Y.XmlElement ? changed.parent : changed.parent === fragment ? changed : null;
}

/**
 * The targets no other target contains: building an element builds what is inside it, so
 * each element is built once however many of its descendants changed.
 */
export function outermostTargets(
  targets: ReadonlySet<Y.XmlElement | Y.XmlText>,
  fragment: Y.XmlFragment,
): (Y.XmlElement | Y.XmlText)[] {
  const inside = (t: Y.XmlElement | Y.XmlText) => {
    for (let p = t.parent; p && p !== fragment; p = p.parent) {
      if (targets.has(p as Y.XmlElement)) return true;
    }
    return false;
  };
  return [...targets].filter((t) => !inside(t));
}

/** Why the top-level sequence of blocks does not fit the schema's document node, or null. */
export function topLevelProblem(schema: Schema, fragment: Y.XmlFragment): string | null {
  let match = schema.topNodeType.contentMatch;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) return "the document holds content outside any block";
    const type = schema.nodes[child.nodeName];
    const next = type ? match.matchType(type) : null;
    if (!next) return `${child.nodeName.slice(0, 40)} cannot stand at the top level of the document`;
    match = next;
  }
  return match.validEnd ? null : "the document must hold at least one block";
}

/** The depth of the deepest element in `fragment` (a top-level block is 1), walked without recursion. */
export function elementDepth(fragment: Y.XmlFragment): number {
  let deepest = 0;
  const pending: [Y.XmlFragment | Y.XmlElement, number][] = [[fragment, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [parent, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of parent.toArray()) if (child instanceof Y.XmlElement) pending.push([child, depth + 1]);
  }
  return deepest;
}

function elementNode(schema: Schema, element: Y.XmlElement, depth: number): PMNode {
  if (depth > MAX_ELEMENT_DEPTH) fail(`elements nest deeper than ${MAX_ELEMENT_DEPTH} levels`);
  const nodeType = schema.nodes[element.nodeName];
  if (!nodeType || nodeType.isText) fail(`node type not in the schema: ${element.nodeName.slice(0, 40)}`);
  const attrs = element.getAttributes() as Record<string, unknown>;
  for (const [key, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(nodeType.spec.attrs ?? {}, key)) fail(`${nodeType.name} has no attribute ${key.slice(0, 40)}`);
    const problem = attributeProblem(nodeType.name, key, value, Number(attrs.colspan ?? 1));
    if (problem) fail(problem);
  }
  const children: PMNode[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) children.push(...textNodes(schema, child));
    else if (child instanceof Y.XmlElement) children.push(elementNode(schema, child, depth + 1));
    else fail("content that is not an XML element or text");
  }
  return nodeType.create(attrs, Fragment.from(children));
}

function textNodes(schema: Schema, text: Y.XmlText): PMNode[] {
  if (Object.keys(text.getAttributes()).length > 0) fail("attributes on text are not part of the schema");
  const nodes: PMNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    // An embed (a Y type or an object inside the text) is nothing the schema or the rules can read.
    if (typeof op.insert !== "string") fail("embedded content inside text is not allowed");
    if (op.insert.length > 0) nodes.push(schema.text(op.insert, marksOf(schema, op.attributes)));
  }
  return nodes;
}

/**
 * The marks of a text run as a ProseMirror mark set. Exclusions are resolved as ProseMirror
 * resolves them, not refused: concurrent suggestions legitimately leave an insertion and a
 * deletion on the same characters, and y-prosemirror renders both.
 */
function marksOf(schema: Schema, attributes: Record<string, unknown> | undefined): readonly Mark[] {
  let marks: readonly Mark[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const markType = schema.marks[markName(key)];
    if (!markType) fail(`mark not in the schema: ${markName(key).slice(0, 40)}`);
    const attrs = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    for (const attr of Object.keys(attrs)) {
      if (!Object.hasOwn(markType.spec.attrs ?? {}, attr))
        fail(`${markType.name} has no attribute ${attr.slice(0, 40)}`);
    }
    marks = markType.create(attrs).addToSet(marks);
  }
  return marks;
}
