import { type Editor, useEditor } from "@tiptap/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CaretUser } from "../collab/CaretUser.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";
import { editorExtensions } from "./editorExtensions.ts";

/**
 * A TipTap editor bound to the session's Y.Doc. A new session (another document) gets a
 * new editor; the old one is destroyed by useEditor.
 */
export function useCollabEditor(session: CollabSession, user: CaretUser): Editor | null {
  const { t } = useTranslation();
  const extensions = useMemo(() => editorExtensions(session, user), [session, user]);
  return useEditor(
    {
      extensions,
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
}
