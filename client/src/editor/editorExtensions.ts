import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { CONTENT_FIELD, schemaExtensions } from "../../../shared/schema/extensions.ts";
import type { CaretUser } from "../collab/CaretUser.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";
import { CommentHighlights, type HighlightSource } from "../features/comments/CommentHighlights.ts";
import { SuggestChanges, type SuggestChangesOptions } from "../features/suggestions/SuggestChanges.ts";
import { ReadOnlyGuard } from "./ReadOnlyGuard.ts";
import { renderCaret } from "./renderCaret.ts";

/** The editor's extensions: the shared document schema plus live collaboration, carets and suggesting. */
export function editorExtensions(
  session: CollabSession,
  user: CaretUser,
  highlights: { source: () => HighlightSource; onClick: (id: string) => void },
  suggest: SuggestChangesOptions,
): AnyExtension[] {
  return [
    ...schemaExtensions(),
    CommentHighlights.configure(highlights),
    SuggestChanges.configure(suggest),
    Collaboration.configure({ document: session.ydoc, field: CONTENT_FIELD }),
    CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
    ReadOnlyGuard,
  ];
}
