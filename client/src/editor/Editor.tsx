import { EditorContent, type Editor as TiptapEditor } from "@tiptap/react";
import type { Role } from "../../../shared/roles.ts";
import { type Preview, SuggestModeBar } from "../features/suggestions/SuggestModeBar.tsx";
import { Toolbar } from "./Toolbar.tsx";

interface EditorProps {
  editor: TiptapEditor;
  editable: boolean;
  role: Role;
  preview: Preview;
  onPreview: (preview: Preview) => void;
}

/** Mode bar, toolbar (for those who may edit) and the document; the content element carries `data-testid="editor"`. */
export function Editor({ editor, editable, role, preview, onPreview }: EditorProps) {
  return (
    <section className="editor" data-preview={preview}>
      <SuggestModeBar editor={editor} role={role} preview={preview} onPreview={onPreview} />
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__page" />
    </section>
  );
}
