import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { CONTENT_FIELD, schemaExtensions } from "../../../shared/schema/extensions.ts";
import type { CaretUser } from "../collab/CaretUser.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";
import { caretActivity } from "./caretActivity.ts";
import { ReactLeavesSelection } from "./ReactLeavesSelection.ts";
import { ReadOnlyGuard } from "./ReadOnlyGuard.ts";
import { RemoteChangesUnlinked } from "./RemoteChangesUnlinked.ts";
import { ReuseUnchangedBlocks } from "./ReuseUnchangedBlocks.ts";
import { caretRenderer, fadeLabels, renderSelection, showLabels } from "./renderCaret.ts";

/**
 * The editor's extensions: the shared document schema, the features' own extensions (comment
 * highlights, suggesting), live collaboration and carets. The features' extensions come
 * before Collaboration, as they always have, so their plugins see transactions first.
 */
export function editorExtensions(session: CollabSession, user: CaretUser, features: AnyExtension[]): AnyExtension[] {
  // Before the caret plugin subscribes to the awareness, so moves are known when carets redraw.
  const activity = caretActivity(session.provider.awareness, { move: showLabels, idle: fadeLabels });
  return [
    ...schemaExtensions(),
    ...features,
    Collaboration.configure({ document: session.ydoc, field: CONTENT_FIELD }),
    CollaborationCaret.configure({
      provider: session.provider,
      user,
      render: caretRenderer(activity),
      selectionRender: renderSelection,
    }),
    ReadOnlyGuard,
    ReuseUnchangedBlocks,
    RemoteChangesUnlinked,
    ReactLeavesSelection,
  ];
}
