import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";

/**
 * A frozen version, or a comparison, shown read-only with the document's own schema and
 * styles (suggestion marks show insertions and deletions).
 */
export function VersionViewer({
  title,
  content,
  actions,
  onClose,
}: {
  title: string;
  content: JSONContent;
  actions?: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: schemaExtensions(),
      content,
      editable: false,
      editorProps: { attributes: { class: "editor-content", "data-testid": "viewer-content" } },
    },
    [content],
  );
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
