import type { Piece } from "./linear.ts";

const ZWSP = "\u200B";
const SEP = "\u0001";

/**
 * The region as it reads once every suggestion in `reverted` is withdrawn, as a string
 * that is equal for equal documents however their text is split into runs:
 * - text inserted by a reverted suggestion is dropped;
 * - a reverted deletion mark is dropped, its text kept;
 * - zero-width spaces the library places as anchors are dropped unless another
 *   suggestion owns them;
 * - block boundaries that sit between two characters of the same reverted insertion
 *   (a paragraph split, pasted paragraphs) are dropped, which joins the blocks as the
 *   library's own revert does.
 * Everything else, other people's suggestion marks included, is kept as it is.
 */
export function withoutSuggestions(pieces: readonly Piece[], reverted: (id: string) => boolean): string {
  let out = "";
  let marks: string | null = null;
  let structure = "";
  /** Id of the reverted insertion the last character belonged to, null if it was not one. */
  let lastInserted: string | null = null;
  const flush = () => {
    out += structure;
    structure = "";
  };
  for (const piece of pieces) {
    if (piece.t === "open") structure += `${SEP}O${piece.key}`;
    else if (piece.t === "close") structure += `${SEP}C`;
    else {
      const ownInsertion = piece.suggestions.find((s) => s.kind === "insertion" && reverted(s.id));
      if (ownInsertion) {
        if (piece.text.length === 0) continue;
        if (structure && lastInserted !== ownInsertion.id) flush();
        structure = "";
        lastInserted = ownInsertion.id;
        continue;
      }
      const kept = piece.suggestions.filter((s) => !reverted(s.id));
      const key = piece.marks + kept.map((s) => `${SEP}${s.kind}:${s.id}`).join("");
      const text = kept.length === 0 ? piece.text.replaceAll(ZWSP, "") : piece.text;
      if (text.length === 0) continue;
      flush();
      if (key !== marks) {
        out += `${SEP}M${key}`;
        marks = key;
      }
      out += text;
      lastInserted = null;
    }
  }
  flush();
  return out;
}

/** Every suggestion id in the pieces, with the text it marks (kind-tagged), in order. */
export function suggestionTexts(pieces: readonly Piece[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const piece of pieces) {
    if (piece.t !== "text") continue;
    for (const { id, kind } of piece.suggestions) texts.set(id, `${texts.get(id) ?? ""}${kind[0]}${piece.text}`);
  }
  return texts;
}

/**
 * Every suggestion id in the pieces with what it marks, independent of how its text is
 * split into runs: kind-tagged runs, adjacent runs of one kind joined. Two regions give
 * equal contents for an id when it marks the same text the same way.
 */
export function suggestionContents(pieces: readonly Piece[]): Map<string, string> {
  const runs = new Map<string, { kind: string; text: string }[]>();
  for (const piece of pieces) {
    if (piece.t !== "text" || piece.text.length === 0) continue;
    for (const { id, kind } of piece.suggestions) {
      const list = runs.get(id) ?? [];
      const last = list[list.length - 1];
      if (last && last.kind === kind) last.text += piece.text;
      else list.push({ kind, text: piece.text });
      runs.set(id, list);
    }
  }
  return new Map([...runs].map(([id, list]) => [id, JSON.stringify(list.map((r) => [r.kind, r.text]))]));
}
