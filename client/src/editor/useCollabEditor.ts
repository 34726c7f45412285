import type { AnyExtension } from "@tiptap/core";
import { type Editor, useEditor } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CaretUser } from "../collab/CaretUser.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";
import { editorExtensions } from "./editorExtensions.ts";

/**
 * A TipTap editor bound to the session's Y.Doc. A new session (another document) gets a
 * new editor; the old one is destroyed by useEditor. `features` are the extensions the
 * document's features bring (comment highlights, suggesting); they are read once per session.
 */
export function useCollabEditor(
  session: CollabSession,
  user: CaretUser,
  editable: boolean,
  features: () => AnyExtension[],
): Editor | null {
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the features' extensions read live values through their callbacks
  const extensions = useMemo(() => editorExtensions(session, user, features()), [session, user]);
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: true,
      // Rendering on every transaction would re-render the whole page on each keystroke;
      // toolbar and outline subscribe to what they need with useEditorState.
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          "data-testid": "editor",
          class: "editor-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("document.editorLabel"),
          spellcheck: "true",
        },
      },
    },
    [session],
  );
  // The server refuses content changes from other roles anyway; this keeps the UI honest.
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  return editor;
}
