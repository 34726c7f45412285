import { Extension } from "@tiptap/core";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * Remote changes (and Yjs undo) are not autolinked here: their author's editor already did,
 * and the Link extension's autolink walks every block of the changed range, which for the
 * Yjs binding's transactions (a replacement of the whole document) is all 150 pages, on
 * every remote keystroke. Its `preventAutolink` meta is the Link extension's own switch.
 */
export const RemoteChangesUnlinked = Extension.create({
  name: "remoteChangesUnlinked",
  dispatchTransaction({ transaction, next }) {
    const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    if (sync?.isChangeOrigin) transaction.setMeta("preventAutolink", true);
    next(transaction);
  },
});
