import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { perDocument } from "./derive/perDocument.ts";
import { outlineNow } from "./outlineOf.ts";
import { revealBelowBar } from "./revealBelowBar.ts";
import { type OutlineParty, SectionStatusLine } from "./SectionStatus.tsx";
import { useSections } from "./useSections.ts";

/** What the outline of an agreement needs to show and set the negotiation status per section. */
export interface OutlineNegotiation {
  documentId: string;
  ydoc: Y.Doc;
  parties: readonly OutlineParty[];
  /** The user's organisation when they may set its status (a party member who can suggest or edit), else null. */
  ownOrgId: string | null;
}

/** The outline as shown: each heading's level and text, once per document. */
const headingsOf = perDocument((doc) => outlineNow(doc).map(({ level, text }) => ({ level, text })));

/**
 * The document's H1/H2 headings, updated live; a click scrolls to the heading, below the
 * editor's sticky bar, and puts the caret there. For an agreement, each top-level section shows its status per party.
 */
export function Outline({
  editor,
  negotiation,
  onJump,
}: {
  editor: Editor;
  negotiation?: OutlineNegotiation;
  /** After a jump (the drawer that shows the outline at medium widths closes). */
  onJump?: () => void;
}) {
  const { t } = useTranslation();
  // Levels and texts only: typing moves the headings after the caret, which changes nothing
  // the outline shows; the position is looked up when a heading is chosen.
  const entries = useEditorState({ editor, selector: ({ editor: current }) => headingsOf(current.state.doc) });

  const goTo = (index: number) => {
    const entry = outlineNow(editor.state.doc)[index];
    if (!entry) return;
    editor
      .chain()
      .focus()
      .setTextSelection(entry.pos + 1)
      .run();
    const dom = editor.view.nodeDOM(entry.pos);
    if (dom instanceof HTMLElement) revealBelowBar(dom);
    onJump?.();
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
          {entries.map((entry, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a heading is its place in the outline; the items hold no state
            <li key={index} className={`outline__item outline__item--h${entry.level}`}>
              <button type="button" className="outline__link" data-testid="outline-item" onClick={() => goTo(index)}>
                {entry.text}
              </button>
              {negotiation && <Negotiation editor={editor} index={index} negotiation={negotiation} />}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

/** The status line of the section an outline entry heads, if it heads one (a top-level heading). */
function Negotiation({
  editor,
  index,
  negotiation,
}: {
  editor: Editor;
  index: number;
  negotiation: OutlineNegotiation;
}) {
  const { sections, statuses } = useSections(negotiation.ydoc);
  const entry = outlineNow(editor.state.doc)[index];
  if (!entry) return null;
  const resolved = editor.state.doc.resolve(entry.pos);
  // Top-level blocks are the Y fragment's children one to one, so the heading's index finds its section.
  const section = resolved.depth === 0 ? sections.find((s) => s.index === resolved.index(0)) : undefined;
  if (!section) return null;
  return (
    <SectionStatusLine
      documentId={negotiation.documentId}
      sectionId={section.id}
      entry={statuses.get(section.id)}
      parties={negotiation.parties}
      ownOrgId={negotiation.ownOrgId}
      index={section.index}
    />
  );
}
