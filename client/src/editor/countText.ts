import type { Node as PMNode } from "@tiptap/pm/model";

const ZWSP = /\u200B/g;
/** As word processors count: a run without spaces that holds a letter or a digit. */
const WORD = /[^\s\u200B]*[\p{L}\p{N}][^\s\u200B]*/gu;

/**
 * Words and characters of the text as it reads with the pending suggestions as they stand:
 * text suggested for deletion counts (it is still there until decided), the library's
 * zero-width anchors do not. Characters count without line breaks between blocks.
 */
export function countText(doc: PMNode): { words: number; characters: number } {
  let words = 0;
  let characters = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, " ").replace(ZWSP, "");
    characters += [...text].length;
    words += text.match(WORD)?.length ?? 0;
    return false;
  });
  return { words, characters };
}
