import { EditorContent, type Editor as TiptapEditor } from "@tiptap/react";
import type { ReactNode } from "react";
import { Toolbar } from "./Toolbar.tsx";

/** How the text is shown (editor.css): with suggestions marked, as if all were accepted, or as without them. */
export type Preview = "markup" | "accepted" | "rejected";

interface EditorProps {
  editor: TiptapEditor;
  editable: boolean;
  preview: Preview;
  /** Shown above the toolbar (the suggesting switch and the preview choice). */
  modeBar: ReactNode;
}

/** Mode bar, toolbar (for those who may edit) and the document; the content element carries `data-testid="editor"`. */
export function Editor({ editor, editable, preview, modeBar }: EditorProps) {
  return (
    <section className="editor" data-preview={preview}>
      {modeBar}
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__page" />
    </section>
  );
}
