import { getSchema } from "@tiptap/core";
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { readThreads, type ThreadData } from "../../shared/comments/model.ts";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";
import { elementDepth, MAX_ELEMENT_DEPTH } from "../../shared/schema/yjsNode.ts";
import { readWordOrigins, type WordOrigin, wordOriginKey } from "../../shared/word/origins.ts";
import type { ExportThread } from "./changes.ts";

const schema = getSchema(schemaExtensions());

/** What exports need from a Y state beside the text: its threads, placed, and the Word origins of imported items. */
export interface ExportAnnotations {
  threads: ExportThread[];
  wordOrigins: Map<string, WordOrigin>;
}

type Resolve = (bytes: Uint8Array) => number | null;

function exportThread(thread: ThreadData, origins: Map<string, WordOrigin>, resolve: Resolve): ExportThread {
  const word = origins.get(wordOriginKey.thread(thread.id));
  const from = resolve(thread.anchorStart);
  const to = resolve(thread.anchorEnd);
  return {
    id: thread.id,
    // An imported thread is written back under its Word author and date.
    author: word?.author ?? thread.authorName,
    at: word?.date ?? thread.createdAt,
    text: thread.text,
    quote: thread.quote,
    resolved: thread.resolved,
    replies: thread.replies.map((r) => {
      const origin = origins.get(wordOriginKey.reply(r.id));
      return { id: r.id, author: origin?.author ?? r.authorName, at: origin?.date ?? r.createdAt, text: r.text };
    }),
    ...(from !== null && to !== null && to > from ? { range: { from, to } } : {}),
  };
}

/**
 * The comment threads of a Y state (a version's frozen `state`, or the live document's)
 * as exports print them, open and resolved, each with its range as ProseMirror positions
 * in the document y-tiptap builds from the same state, which is the exported text
 * (the relative anchors resolved the way the editor does, comments/anchors.ts); a thread
 * whose passage was deleted has no range. Also the state's Word origins.
 */
export function exportAnnotations(state: Uint8Array): ExportAnnotations {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    const wordOrigins = readWordOrigins(ydoc);
    const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
    const data = readThreads(ydoc);
    if (data.length === 0 || elementDepth(fragment) > MAX_ELEMENT_DEPTH) return { threads: [], wordOrigins };
    const { meta } = initProseMirrorDoc(fragment, schema);
    const resolve: Resolve = (bytes) => {
      try {
        return relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(bytes), meta.mapping);
      } catch {
        return null;
      }
    };
    return { threads: data.map((t) => exportThread(t, wordOrigins, resolve)), wordOrigins };
  } finally {
    ydoc.destroy();
  }
}
