import type { Editor } from "@tiptap/core";

/**
 * Puts the caret at a thread's passage and scrolls it into view. ProseMirror's own
 * scrollIntoView follows the DOM selection, which is on the card just clicked (the editor
 * has no focus), so the passage's element is scrolled to directly.
 */
export function showPassage(editor: Editor, from: number): void {
  editor.chain().setTextSelection(from).run();
  const { node } = editor.view.domAtPos(from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: "center" });
}
