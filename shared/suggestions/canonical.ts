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
      const s = piece.suggestion;
      const own = s !== null && reverted(s.id);
      if (own && s.kind === "insertion") {
        if (piece.text.length === 0) continue;
        if (structure && lastInserted !== s.id) flush();
        structure = "";
        lastInserted = s.id;
        continue;
      }
      const key = own || s === null ? piece.marks : `${piece.marks}${SEP}${s.kind}:${s.id}`;
      const text = own || s === null ? piece.text.replaceAll(ZWSP, "") : piece.text;
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
    if (piece.t !== "text" || !piece.suggestion) continue;
    const { id, kind } = piece.suggestion;
    texts.set(id, `${texts.get(id) ?? ""}${kind[0]}${piece.text}`);
  }
  return texts;
}
