import { getSchema, type JSONContent } from "@tiptap/core";
import { diffChars } from "diff";
import { schemaExtensions } from "../schema/extensions.ts";
import { parseSuggestionId } from "../suggestions/ids.ts";
import { withAllAccepted, withAllRejected } from "../suggestions/outcomes.ts";
import { RedlineBuilder, type RedlineChange } from "./redlineCompare.ts";

export type { ChangeKind, RedlineChange } from "./redlineCompare.ts";

/**
 * Comparisons (redline). Semantics:
 * - the earlier text is `from` with every suggestion rejected, the later text `to` with every
 *   suggestion accepted (shared/suggestions/outcomes.ts);
 * - the redline is a document of the shared schema that shows every difference as a
 *   suggestion, so that accepting all gives exactly the later text and rejecting all exactly
 *   the earlier one (no doubled words, no untouched text shown as changed, no empty
 *   paragraphs, rows or bullets left);
 * - representation: `insertion`/`deletion` marks on words; a paragraph split or join as
 *   zero-width anchors at the end of the first block and the start of the next (the change
 *   the boundary sits in owns it); a whole inserted or deleted row, table or list with every
 *   text marked (an anchor in each empty block); formatting changes as a `modification`
 *   mark on the text (type "marks", previousValue = the marks before); a changed heading
 *   level or block type as a `modification` node mark on the block (top level only);
 * - every mark id ("c1", "c2"…) is a key of `changes`, which says the change's kind and
 *   origin: a pending suggestion of `to` keeps its suggestion's id as origin, other words the
 *   key `origins` gives for their offset ("" when unknown).
 */
export interface Redline {
  doc: JSONContent;
  changes: Record<string, RedlineChange>;
}

/** Where the words of the two documents came from, by offset in their flat text (characters of text nodes in order). */
export interface ChangeSources {
  /** The origin key of the character at `offset` of `to` (as given, suggestions included). */
  inserted?(offset: number): string;
  /** The origin key of the deletion of the character at `offset` of `from`. */
  deleted?(offset: number): string;
}

let schema: ReturnType<typeof getSchema> | undefined;
const schemaOf = () => {
  schema ??= getSchema(schemaExtensions());
  return schema;
};

const ZWSP = "\u200B";

interface Char {
  offset: number;
  suggestion?: { kind: string; id: string };
}

/** Every character of the text nodes of `doc` in order, with its offset and the suggestion mark on it. */
function charsOf(doc: JSONContent): { text: string; chars: Char[] } {
  let text = "";
  const chars: Char[] = [];
  let offset = 0;
  const walk = (node: JSONContent) => {
    if (node.type === "text") {
      const mark = node.marks?.find((m) => m.type === "insertion" || m.type === "deletion");
      // Only an id Accord made names a suggester; anything else (a forged id that reads like
      // another origin key) is no origin at all.
      const id = parseSuggestionId(mark?.attrs?.id) ? mark?.attrs?.id : undefined;
      for (const ch of node.text ?? "") {
        text += ch;
        chars.push({ offset, ...(mark && typeof id === "string" ? { suggestion: { kind: mark.type, id } } : {}) });
        offset += ch.length;
      }
      return;
    }
    for (const c of node.content ?? []) walk(c);
  };
  walk(doc);
  return { text, chars };
}

/** Maps each character of `text` to the character of `source` it is (by a character diff; undefined where none). */
function mapOnto(text: string, source: { text: string; chars: Char[] }, keep: (c: Char, ch: string) => boolean) {
  const kept: Char[] = [];
  let keptText = "";
  source.chars.forEach((c, k) => {
    const ch = source.text[k] ?? "";
    if (ch !== ZWSP && keep(c, ch)) {
      kept.push(c);
      keptText += ch;
    }
  });
  if (keptText === text) return kept as (Char | undefined)[];
  const out: (Char | undefined)[] = [];
  let k = 0;
  for (const part of diffChars(text, keptText)) {
    const n = part.value.length;
    if (part.added) k += n;
    else if (part.removed) for (let x = 0; x < n; x++) out.push(undefined);
    else for (let x = 0; x < n; x++) out.push(kept[k++]);
  }
  return out;
}

/** The redline from `from` to `to` (see `Redline`). */
export function redline(from: JSONContent, to: JSONContent, sources: ChangeSources = {}): Redline {
  const s = schemaOf();
  const earlier = withAllRejected(s.nodeFromJSON(from)).toJSON() as JSONContent;
  const later = withAllAccepted(s.nodeFromJSON(to)).toJSON() as JSONContent;
  const toChars = charsOf(to);
  const fromChars = charsOf(from);
  // The later text is `to` without its pending deletions; the earlier one `from` without its insertions.
  const laterInTo = mapOnto(charsOf(later).text, toChars, (c) => c.suggestion?.kind !== "deletion");
  const earlierText = charsOf(earlier).text;
  const earlierInFrom = mapOnto(earlierText, fromChars, (c) => c.suggestion?.kind !== "insertion");
  // A word of the earlier text that `to` suggests deleting is that suggestion's deletion.
  const pendingDeletion = toChars.chars.some((c) => c.suggestion?.kind === "deletion");
  const earlierInTo = pendingDeletion ? mapOnto(earlierText, toChars, (c) => c.suggestion?.kind !== "insertion") : [];
  const builder = new RedlineBuilder({
    inserted(offset) {
      const c = laterInTo[offset];
      if (!c) return "";
      if (c.suggestion?.kind === "insertion") return c.suggestion.id;
      return sources.inserted?.(c.offset) ?? "";
    },
    deleted(offset) {
      const pending = earlierInTo[offset];
      if (pending?.suggestion?.kind === "deletion") return pending.suggestion.id;
      const c = earlierInFrom[offset];
      return c ? (sources.deleted?.(c.offset) ?? "") : "";
    },
  });
  const content = builder.blocks(earlier.content ?? [], later.content ?? [], { earlier: 0, later: 0 }, true);
  return { doc: { type: "doc", content }, changes: builder.changes };
}
