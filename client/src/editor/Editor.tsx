import { EditorContent, type Editor as TiptapEditor } from "@tiptap/react";
import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { EditorTools } from "./EditorTools.tsx";
import { markNames } from "./markNames.ts";
import { Toolbar } from "./Toolbar.tsx";
import { useScrollBelowBar } from "./useScrollBelowBar.ts";
import { WordCount } from "./WordCount.tsx";

/** How the text is shown (editor.css): with suggestions marked, as if all were accepted, or as without them. */
export type Preview = "markup" | "accepted" | "rejected";

interface EditorProps {
  editor: TiptapEditor;
  editable: boolean;
  preview: Preview;
  /** Shown above the toolbar, with it in the bar that stays at the top (the suggesting switch, the preview choice, the connection). */
  modeBar: ReactNode;
  onFind: () => void;
  onShortcuts: () => void;
}

/**
 * Mode bar, toolbar (for those who may edit; readers get find and the shortcut list), the
 * document, and the word count under it; the content element carries `data-testid="editor"`.
 */
export function Editor({ editor, editable, preview, modeBar, onFind, onShortcuts }: EditorProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  useScrollBelowBar(bar);
  return (
    <section className="editor" data-preview={preview} style={markNames(t)}>
      {/* One sticky bar: the mode bar stays in view with the toolbar, and headings are revealed below it (Outline). */}
      <div className="editor__bar" ref={bar}>
        {modeBar}
        {editable ? (
          <Toolbar editor={editor} onFind={onFind} onShortcuts={onShortcuts} />
        ) : (
          <div className="toolbar toolbar--reader">
            <EditorTools onFind={onFind} onShortcuts={onShortcuts} />
          </div>
        )}
      </div>
      <EditorContent editor={editor} className="editor__page" />
      <WordCount editor={editor} />
    </section>
  );
}
