import type { Editor } from "@tiptap/core";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { ThreadData } from "../../../../shared/comments/model.ts";
import { QUOTE_MAX_LENGTH } from "./limits.ts";

interface Binding {
  type: Y.XmlFragment;
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
  doc: Y.Doc;
}

function bindingOf(editor: Editor): Binding | null {
  const state = ySyncPluginKey.getState(editor.state) as { binding?: Binding } | undefined;
  return state?.binding ?? null;
}

/** The current selection as encoded relative positions into the content, or null if empty. */
export function selectionAnchors(editor: Editor): { start: Uint8Array; end: Uint8Array; quote: string } | null {
  const { from, to } = editor.state.selection;
  const binding = bindingOf(editor);
  if (from === to || !binding) return null;
  const encode = (pos: number) =>
    Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping));
  return {
    start: encode(from),
    end: encode(to),
    quote: editor.state.doc.textBetween(from, to, " ").slice(0, QUOTE_MAX_LENGTH),
  };
}

/** Where a thread's passage is now, or null if its text is gone (an orphaned thread). */
export type ThreadRange = { from: number; to: number } | null;

/** Where a thread's passage is now, resolved from its anchors (passages.ts keeps them between changes). */
export function threadRange(editor: Editor, thread: ThreadData): ThreadRange {
  const binding = bindingOf(editor);
  if (!binding) return null;
  try {
    const resolve = (bytes: Uint8Array) =>
      relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(bytes), binding.mapping);
    const from = resolve(thread.anchorStart);
    const to = resolve(thread.anchorEnd);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}
