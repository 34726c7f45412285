import type { Node as PMNode } from "@tiptap/pm/model";
import { parseSuggestionId, type SuggestionOrigin } from "./ids.ts";

/** One pending suggestion as the review panel shows it. */
export interface SuggestionSummary {
  id: string;
  origin: SuggestionOrigin | null;
  inserted: string;
  deleted: string;
  /** Document positions of its first and last character. */
  from: number;
  to: number;
}

const ZWSP = /\u200B/g;

/** The pending suggestions of a document in reading order; a split shows as "¶". */
export function listSuggestions(doc: PMNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  let lastBlock = -1;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
    if (!mark) return false;
    const id = String(mark.attrs.id);
    let entry = byId.get(id);
    if (!entry) {
      entry = { id, origin: parseSuggestionId(id), inserted: "", deleted: "", from: pos, to: pos };
      byId.set(id, entry);
    }
    const block = doc.resolve(pos).before(1);
    const text = (node.text ?? "").replace(ZWSP, "");
    const field = mark.type.name === "insertion" ? "inserted" : "deleted";
    if (entry.to !== pos && block !== lastBlock && entry[field] !== "") entry[field] += "¶";
    entry[field] += text;
    entry.to = pos + node.nodeSize;
    lastBlock = block;
    return false;
  });
  return [...byId.values()];
}
