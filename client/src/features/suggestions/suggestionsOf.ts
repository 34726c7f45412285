import type { Node as PMNode } from "@tiptap/pm/model";
import { parseSuggestionId } from "../../../../shared/suggestions/ids.ts";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { perBlock, perDocument } from "../../editor/derive/perDocument.ts";

const ZWSP = /\u200B/g;

/** A run of suggested text inside a top-level block, at `offset` from the block's content start. */
interface Run {
  id: string;
  field: "inserted" | "deleted";
  text: string;
  offset: number;
  size: number;
}

const runsPerBlock = perBlock((block) => {
  const runs: Run[] = [];
  block.descendants((node, offset) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
    if (!mark) return false;
    const field = mark.type.name === "insertion" ? "inserted" : "deleted";
    runs.push({
      id: String(mark.attrs.id),
      field,
      text: (node.text ?? "").replace(ZWSP, ""),
      offset,
      size: node.nodeSize,
    });
    return false;
  });
  return runs;
});

/**
 * The pending suggestions in reading order, exactly as `listSuggestions` lists them (a split
 * shows as "¶"), but walking only the blocks a change replaced: the other blocks' runs are
 * kept, and only their positions are added up again. Once per document.
 */
export const suggestionsOf: (doc: PMNode) => SuggestionSummary[] = perDocument((doc) => {
  const byId = new Map<string, SuggestionSummary>();
  let lastBlock = -1;
  for (const { value: runs, pos: block } of runsPerBlock(doc)) {
    for (const run of runs) {
      const pos = block + 1 + run.offset;
      let entry = byId.get(run.id);
      if (!entry) {
        entry = { id: run.id, origin: parseSuggestionId(run.id), inserted: "", deleted: "", from: pos, to: pos };
        byId.set(run.id, entry);
      }
      if (entry.to !== pos && block !== lastBlock && entry[run.field] !== "") entry[run.field] += "¶";
      entry[run.field] += run.text;
      entry.to = pos + run.size;
      lastBlock = block;
    }
  }
  return [...byId.values()];
});
