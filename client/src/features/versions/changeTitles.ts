import type { Editor } from "@tiptap/core";
import type { TFunction } from "i18next";
import type { ComparisonChange } from "../../../../shared/api/comparison.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";

/** Modification marks that change a block's type or level (the rest change formatting), by id. */
function blockChanges(editor: Editor): Set<string> {
  const out = new Set<string>();
  editor.state.doc.descendants((node) => {
    for (const m of node.marks) {
      if (m.type.name === "modification" && m.attrs.type !== "marks" && typeof m.attrs.id === "string")
        out.add(m.attrs.id);
    }
    return true;
  });
  return out;
}

/**
 * Puts on each change of a comparison shown in `editor` the tooltip that says what it is, who
 * made it and when ("Eingefügt von Lukas Frei, 30.11.2026, 10:00"), in the reader's language.
 */
export function titleChanges(
  editor: Editor,
  changes: Record<string, ComparisonChange>,
  t: TFunction,
  language: string,
): void {
  const blocks = blockChanges(editor);
  for (const el of editor.view.dom.querySelectorAll<HTMLElement>("[data-suggestion], [data-modification]")) {
    const id = el.dataset.suggestion ?? el.dataset.modification ?? "";
    const change = changes[id];
    if (!change) continue;
    const key =
      change.kind === "insertion"
        ? "comparison.insertion"
        : change.kind === "deletion"
          ? "comparison.deletion"
          : blocks.has(id)
            ? "comparison.blockType"
            : "comparison.formatting";
    const title = t(key, { name: change.name, at: formatDateTime(change.at, language) });
    el.title = title;
    el.dataset.changeAuthor = change.name;
  }
}
