import { applySuggestions, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";

const ZWSP = /\u200B/g;

type Json = { type?: string; text?: string; marks?: Json[]; attrs?: Record<string, unknown>; content?: Json[] };

function run(
  doc: PMNode,
  command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean,
  how: "accept" | "reject",
): PMNode {
  let result = withoutWholeRows(withModificationsDecided(doc, how), how === "accept" ? "deletion" : "insertion");
  // A text that holds the stand-in itself keeps the library's own rule rather than lose it.
  const standIn = !hasText(result, SPACE_STAND_IN);
  if (standIn) result = withSpaces(result, " ", SPACE_STAND_IN);
  command(EditorState.create({ doc: result }), (tr) => {
    result = tr.doc;
  });
  return withoutAnchors(standIn ? withSpaces(result, SPACE_STAND_IN, " ") : result);
}

function hasText(doc: PMNode, s: string): boolean {
  let found = false;
  doc.descendants((n) => {
    if (n.isText && n.text?.includes(s)) found = true;
    return !found;
  });
  return found;
}

/**
 * The library removes one more character when the text it removes has a space on both sides,
 * and then skips the rest of a change that continues past a block boundary. Word and
 * LibreOffice remove exactly what is marked; so spaces stand in as another character while
 * the library works, and the outcome is exactly the marked one.
 */
const SPACE_STAND_IN = "\uE000";

function withSpaces(doc: PMNode, from: string, to: string): PMNode {
  if (!hasText(doc, from)) return doc;
  const json = JSON.stringify(doc.toJSON(), (key, value) =>
    key === "text" && typeof value === "string" ? value.split(from).join(to) : value,
  );
  return doc.type.schema.nodeFromJSON(JSON.parse(json));
}

/**
 * Decides the `modification` marks (as a redline writes them) before the library runs:
 * formatting changes on text (type "marks", which the library does not know and throws on)
 * and block type or attribute changes on blocks. The library reverts the latter after its
 * joins, but ProseMirror rebuilds a joined block without its marks, so a redline's
 * "heading was a paragraph" would be lost where the block is also joined. Accepting keeps
 * what the text has; rejecting restores what it had before.
 */
function withModificationsDecided(doc: PMNode, how: "accept" | "reject"): PMNode {
  let found = false;
  doc.descendants((n) => {
    if (n.marks.some((m) => m.type.name === "modification")) found = true;
    return !found;
  });
  if (!found) return doc;
  const isMod = (m: Json) => m.type === "modification";
  const decide = (node: Json): Json => {
    const mods = (node.marks ?? []).filter(isMod);
    let out: Json = node;
    if (mods.length > 0) {
      const { marks: _old, ...rest } = node;
      let kept = (node.marks ?? []).filter((m) => !isMod(m));
      out = rest;
      if (how === "reject") {
        for (const mod of mods) {
          const a = mod.attrs ?? {};
          if (a.type === "marks") {
            const previous = Array.isArray(a.previousValue) ? (a.previousValue as Json[]) : [];
            kept = [...kept.filter((m) => m.type === "insertion" || m.type === "deletion"), ...previous];
          } else if (a.type === "nodeType" && typeof a.previousValue === "string") {
            // Attributes stay: the level a heading had comes from its own mark, in either order.
            out = { ...out, type: a.previousValue };
          } else if (a.type === "attr" && typeof a.attrName === "string") {
            out = { ...out, attrs: { ...out.attrs, [a.attrName]: a.previousValue } };
          }
        }
      }
      if (kept.length > 0) out = { ...out, marks: kept };
    }
    return out.content ? { ...out, content: out.content.map(decide) } : out;
  };
  return doc.type.schema.nodeFromJSON(decide(doc.toJSON() as Json));
}

/** Every text block of `node` has inline content, all of it carrying a mark of type `mark` (an empty cell holds an anchor). */
function whollyMarked(node: PMNode, mark: string): boolean {
  let all = true;
  node.descendants((n) => {
    if (!all) return false;
    if (!n.isTextblock) return true;
    if (n.childCount === 0) all = false;
    n.forEach((leaf) => {
      if (!leaf.marks.some((m) => m.type.name === mark)) all = false;
    });
    return false;
  });
  return all;
}

/**
 * Removes the table rows whose every text is in a suggestion being carried out (a row deleted
 * or inserted as a whole, as Word tracks it); the library would leave the row empty. A table
 * left without rows goes too.
 */
function withoutWholeRows(doc: PMNode, mark: "insertion" | "deletion"): PMNode {
  let found = false;
  doc.descendants((n) => {
    if (n.type.name === "tableRow" && whollyMarked(n, mark)) found = true;
    return !found && n.type.name !== "tableRow";
  });
  if (!found) return doc;
  const prune = (node: PMNode): Json | null => {
    if (node.type.name === "tableRow" && whollyMarked(node, mark)) return null;
    const json = node.toJSON() as Json;
    if (node.isTextblock || node.isLeaf) return json;
    const content: Json[] = [];
    node.forEach((child) => {
      const kept = prune(child);
      if (kept) content.push(kept);
    });
    if (node.type.name === "table" && content.length === 0) return null;
    return { ...json, content };
  };
  return doc.type.schema.nodeFromJSON(prune(doc) ?? { type: "doc", content: [] });
}

/** Removes the zero-width anchors suggestions leave at block boundaries. */
function withoutAnchors(doc: PMNode): PMNode {
  const json = JSON.stringify(doc.toJSON()).replace(ZWSP, "");
  const parsed = JSON.parse(json, (key, value) =>
    Array.isArray(value) && key === "content"
      ? value.filter((n: { type?: string; text?: string }) => n.type !== "text" || n.text !== "")
      : value,
  );
  return doc.type.schema.nodeFromJSON(parsed);
}

/** The document as it reads with every suggestion accepted (for freezing and export). */
export const withAllAccepted = (doc: PMNode): PMNode => run(doc, applySuggestions, "accept");

/** The document as it reads with every suggestion rejected. */
export const withAllRejected = (doc: PMNode): PMNode => run(doc, revertSuggestions, "reject");
