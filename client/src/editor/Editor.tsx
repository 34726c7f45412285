import { EditorContent, type Editor as TiptapEditor } from "@tiptap/react";
import { Toolbar } from "./Toolbar.tsx";

/** The toolbar and the editable document; the content element carries `data-testid="editor"`. */
export function Editor({ editor }: { editor: TiptapEditor }) {
  return (
    <section className="editor">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} className="editor__page" />
    </section>
  );
}
