import { EditorContent, type Editor as TiptapEditor } from "@tiptap/react";
import { Toolbar } from "./Toolbar.tsx";

/** The toolbar (for those who may edit) and the document; the content element carries `data-testid="editor"`. */
export function Editor({ editor, editable }: { editor: TiptapEditor; editable: boolean }) {
  return (
    <section className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor__page" />
    </section>
  );
}
