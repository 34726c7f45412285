import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ComparisonChange } from "../../../../shared/api/comparison.ts";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";
import { titleChanges } from "./changeTitles.ts";

/**
 * A frozen version, or a comparison, shown read-only with the document's own schema and
 * styles (suggestion marks show insertions and deletions; a comparison's `changes` name who
 * made each and when, as tooltips).
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
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={title} data-testid="version-viewer">
      <div className="viewer__bar">
        <h2 className="viewer__title">{title}</h2>
        <span className="badge">{t("versions.readOnly")}</span>
        {actions}
        <button type="button" className="button button--small" onClick={onClose} data-testid="viewer-close">
          {t("versions.close")}
        </button>
      </div>
      <div className="editor">
        <EditorContent editor={editor} className="editor__page" />
      </div>
    </div>
  );
}
