import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslation } from "react-i18next";
import { type OutlineEntry, outlineOf } from "./outlineOf.ts";

/** The document's H1/H2 headings, updated live; a click scrolls to the heading and puts the caret there. */
export function Outline({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const entries = useEditorState({ editor, selector: ({ editor: current }) => outlineOf(current.state.doc) });

  const goTo = (entry: OutlineEntry) => {
    editor
      .chain()
      .focus()
      .setTextSelection(entry.pos + 1)
      .run();
    const dom = editor.view.nodeDOM(entry.pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <nav className="panel outline" aria-labelledby="outline-heading" data-testid="outline">
      <h2 className="panel__title" id="outline-heading">
        {t("outline.heading")}
      </h2>
      {entries.length === 0 ? (
        <p className="panel__empty">{t("outline.empty")}</p>
      ) : (
        <ol className="outline__list">
          {entries.map((entry) => (
            <li key={entry.pos} className={`outline__item outline__item--h${entry.level}`}>
              <button type="button" className="outline__link" data-testid="outline-item" onClick={() => goTo(entry)}>
                {entry.text}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
