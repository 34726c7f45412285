import { getSchema, type JSONContent } from "@tiptap/core";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";

const schema = getSchema(schemaExtensions());

export interface ServerChanges {
  applyServerChange(documentId: string, userId: string, change: (doc: Y.Doc) => void): Promise<boolean>;
}

/**
 * Puts `content` (ProseMirror JSON) into the live document as a new change by `actorId`,
 * with y-tiptap's own diff, so unchanged passages keep their identity (and comment anchors).
 * False when the room refused it (the document is locked or final).
 */
export function restoreContent(
  live: ServerChanges,
  documentId: string,
  actorId: string,
  content: JSONContent,
): Promise<boolean> {
  const target = schema.nodeFromJSON(content);
  return live.applyServerChange(documentId, actorId, (ydoc) => {
    const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
    const { meta } = initProseMirrorDoc(fragment, schema);
    updateYFragment(ydoc, fragment, target, meta);
  });
}
