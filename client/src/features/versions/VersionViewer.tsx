import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { type ReactNode, useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ComparisonChange } from "../../../../shared/api/comparison.ts";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";
import { markNames } from "../../editor/markNames.ts";
import { titleChanges } from "./changeTitles.ts";

/**
 * A frozen version, or a comparison, shown read-only with the document's own schema and
 * styles (suggestion marks show insertions and deletions; a comparison's `changes` name who
 * made each and when, as tooltips). A dialog on the page's body: inside the sticky sidebar it
 * sat in the sidebar's stacking context, under the editor's toolbar (issue 17). It takes the
 * focus when it opens, keeps it while open and gives it back when it closes; Escape closes it.
 */
export function VersionViewer({
  title,
  content,
  changes,
  actions,
  onClose,
}: {
  title: string;
  content: JSONContent;
  changes?: Record<string, ComparisonChange>;
  actions?: ReactNode;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const editor = useEditor(
    {
      extensions: schemaExtensions(),
      content,
      editable: false,
      editorProps: { attributes: { class: "editor-content", "data-testid": "viewer-content" } },
    },
    [content],
  );
  useEffect(() => {
    if (editor && changes) titleChanges(editor, changes, t, i18n.language);
  }, [editor, changes, t, i18n.language]);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    close.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return createPortal(
    <div
      className="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid="version-viewer"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        if (e.key === "Tab") keepFocusWithin(e.currentTarget, e);
      }}
    >
      <div className="viewer__bar">
        <h2 className="viewer__title">{title}</h2>
        <span className="badge">{t("versions.readOnly")}</span>
        {actions}
        <button type="button" className="button button--small" onClick={onClose} data-testid="viewer-close" ref={close}>
          {t("versions.close")}
        </button>
      </div>
      <div className="editor" style={markNames(t)}>
        <EditorContent editor={editor} className="editor__page" />
      </div>
    </div>,
    document.body,
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), [tabindex="0"]';

/** Tab past the dialog's last control comes back to its first (Shift+Tab the other way): the page behind is inert. */
function keepFocusWithin(dialog: HTMLElement, e: { shiftKey: boolean; preventDefault(): void }): void {
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [controls[0], controls[controls.length - 1]];
  if (!first || !last) return;
  const edge = e.shiftKey ? first : last;
  if (document.activeElement !== edge) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
}
