import type { Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { StepMap } from "@tiptap/pm/transform";
import type { ThreadData } from "../../../../shared/comments/model.ts";
import { type ThreadRange, threadRange } from "./anchors.ts";

/** Transaction meta that makes the highlights rebuild from the passages (threads, focus or passages changed). */
export const REFRESH_HIGHLIGHTS = "commentHighlightsRefresh";

/** How long passages may be mapped before they are resolved from the anchors again. */
const SETTLE_MS = 300;

/** The passages known for one editor: for `doc`, exact (from the anchors) or mapped through the changes since. */
interface Known {
  doc: PmNode;
  ranges: Map<ThreadData, ThreadRange>;
  /** Threads asked for since the last settling; the others (replaced thread objects) are dropped then. */
  read: Set<ThreadData>;
  timer: ReturnType<typeof setTimeout> | null;
}

const known = new WeakMap<Editor, Known>();

/**
 * What changed between two documents, as one replaced range (null: the same content). The
 * Yjs binding applies a remote change as a replacement of the whole document, which maps
 * every position to its ends; the blocks it kept are the same nodes, so the difference is
 * found in time proportional to the blocks, and positions before and after it map exactly.
 */
export function changeMap(before: PmNode, after: PmNode): StepMap | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content) ?? { a: before.content.size, b: after.content.size };
  // Both ends may reach before the start when the change repeats the text beside it.
  const overlap = Math.max(0, start - Math.min(end.a, end.b));
  return new StepMap([start, end.a + overlap - start, end.b + overlap - start]);
}

/** A passage through a change: its start sticks to its first character, its end to its last (as the anchors do). */
function mapped(range: ThreadRange, map: StepMap): ThreadRange {
  if (!range) return null;
  const from = map.map(range.from, 1);
  const to = map.map(range.to, -1);
  return to > from ? { from, to } : null;
}

/**
 * Where a thread's passage is now. Resolving an anchor walks the Yjs binding over the blocks
 * before it: 200 threads cost tens of milliseconds per change in a long document, on each
 * keystroke of anyone. So a change maps the known passages (what the highlights do with
 * their decorations), and the anchors are read again once the text has been still for
 * SETTLE_MS, or at the latest SETTLE_MS after the first change; then the highlights and the
 * panel refresh. Read from views and timers, never from a plugin's `apply`: the binding's
 * mapping catches up with a local edit only after its transaction.
 */
export function threadRangeNow(editor: Editor, thread: ThreadData): ThreadRange {
  const doc = editor.state.doc;
  let state = known.get(editor);
  if (!state) {
    state = { doc, ranges: new Map(), read: new Set(), timer: null };
    known.set(editor, state);
  }
  if (state.doc !== doc) {
    const map = changeMap(state.doc, doc);
    if (map) {
      for (const [t, range] of state.ranges) state.ranges.set(t, mapped(range, map));
      settleLater(editor, state);
    }
    state.doc = doc;
  }
  state.read.add(thread);
  if (!state.ranges.has(thread)) state.ranges.set(thread, threadRange(editor, thread));
  return state.ranges.get(thread) ?? null;
}

function settleLater(editor: Editor, state: Known): void {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    if (editor.isDestroyed) return;
    let moved = false;
    for (const [t, range] of state.ranges) {
      if (!state.read.has(t)) {
        state.ranges.delete(t);
        continue;
      }
      const exact = threadRange(editor, t);
      if (exact?.from !== range?.from || exact?.to !== range?.to) moved = true;
      state.ranges.set(t, exact);
    }
    state.doc = editor.state.doc;
    state.read.clear();
    if (moved) editor.view.dispatch(editor.state.tr.setMeta(REFRESH_HIGHLIGHTS, true));
  }, SETTLE_MS);
}
