import type { Node as PMNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import { isSuggestionMark, type SuggestionKind } from "./marks.ts";

/**
 * A document region flattened into a sequence of pieces: block openings and closings and
 * text runs. Both the editor's ProseMirror nodes and the server's Yjs elements flatten to
 * this one shape, so client guard and server rule compare documents with the same code.
 */
export type Piece =
  | { t: "open"; key: string }
  | { t: "close" }
  | { t: "text"; text: string; marks: string; suggestions: SuggestionRef[] };

export interface SuggestionRef {
  kind: SuggestionKind;
  id: string;
}

/** Stable text for a set of marks: sorted names with their attributes. */
function marksKey(entries: [string, unknown][]): string {
  if (entries.length === 0) return "";
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function blockKey(type: string, attrs: Record<string, unknown>): string {
  const defined = Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined);
  return `${type}${marksKey(defined)}`;
}

/**
 * Separates suggestion marks from formatting. Text can carry two suggestion marks: Yjs
 * keys formatting by mark name, and a deletion mark applied concurrently over someone's
 * pending insertion lands on the same characters (an insertion suggested for deletion).
 */
function splitSuggestions(marks: [string, unknown][]): { rest: [string, unknown][]; suggestions: SuggestionRef[] } {
  const suggestions: SuggestionRef[] = [];
  const rest: [string, unknown][] = [];
  for (const [name, attrs] of marks) {
    const id = (attrs as { id?: unknown } | null)?.id;
    if (isSuggestionMark(name)) suggestions.push({ kind: name, id: typeof id === "string" ? id : String(id) });
    else rest.push([name, attrs]);
  }
  suggestions.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { rest, suggestions };
}

/** Pieces of ProseMirror block nodes (children of the doc, or any list of blocks). */
export function piecesOfNodes(nodes: readonly PMNode[]): Piece[] {
  const out: Piece[] = [];
  const walk = (node: PMNode) => {
    if (node.isText) {
      const { rest, suggestions } = splitSuggestions(node.marks.map((m) => [m.type.name, m.attrs]));
      out.push({ t: "text", text: node.text ?? "", marks: marksKey(rest), suggestions });
      return;
    }
    out.push({ t: "open", key: blockKey(node.type.name, node.attrs) });
    node.forEach(walk);
    out.push({ t: "close" });
  };
  for (const node of nodes) walk(node);
  return out;
}

/** y-prosemirror stores a mark that may repeat as `name--hash`. */
const markName = (attribute: string): string => attribute.split("--")[0] ?? attribute;

/** Pieces of one Yjs content element, as y-tiptap stores a ProseMirror block. */
export function piecesOfYElement(element: Y.XmlElement | Y.XmlText, out: Piece[] = []): Piece[] {
  if (element instanceof Y.XmlText) {
    for (const op of element.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== "string") continue;
      const marks = Object.entries(op.attributes ?? {}).map(([k, v]): [string, unknown] => [markName(k), v]);
      const { rest, suggestions } = splitSuggestions(marks);
      out.push({ t: "text", text: op.insert, marks: marksKey(rest), suggestions });
    }
    return out;
  }
  out.push({ t: "open", key: blockKey(element.nodeName, element.getAttributes()) });
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) piecesOfYElement(child, out);
  }
  out.push({ t: "close" });
  return out;
}
