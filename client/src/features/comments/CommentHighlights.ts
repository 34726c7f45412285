import { type Editor, Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { ThreadData } from "../../../../shared/comments/model.ts";
import { threadRange } from "./anchors.ts";
import { REFRESH_HIGHLIGHTS, threadRangeNow } from "./passages.ts";

/** What the highlight plugin shows: open threads, and the focused one (open or not) more strongly. */
export interface HighlightSource {
  threads: ThreadData[];
  focused: string | null;
  /** What a screen reader says of a highlighted passage ("Kommentierte Stelle"), in the UI language. */
  label?: string;
}

const key = new PluginKey<DecorationSet>("commentHighlights");

export { REFRESH_HIGHLIGHTS };

function build(editor: Editor, doc: PmNode, { threads, focused, label }: HighlightSource): DecorationSet {
  const decorations: Decoration[] = [];
  // The shared, cached reading when the editor shows this document (a refresh: no steps).
  const rangeOf = editor.state.doc === doc ? threadRangeNow : threadRange;
  for (const thread of threads) {
    const active = thread.id === focused;
    if (thread.resolved && !active) continue;
    const range = rangeOf(editor, thread);
    if (!range || range.to > doc.content.size) continue;
    const className = active ? "comment-highlight comment-highlight--active" : "comment-highlight";
    // A <mark> (role mark) described as commented: screen readers say where it begins and ends.
    decorations.push(
      Decoration.inline(range.from, range.to, {
        nodeName: "mark",
        class: className,
        "data-thread-id": thread.id,
        ...(label ? { "aria-description": label } : {}),
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks the passages that comment threads refer to. The positions come from the threads'
 * Yjs anchors, so they follow concurrent edits by anyone. The anchors resolve through the
 * Yjs binding's mapping, which catches up with a local edit only after the transaction
 * (in the sync plugin's view update), so a text change first maps the old highlights and
 * then rebuilds them from the anchors right after; that also drops deleted passages.
 */
export const CommentHighlights = Extension.create<{ source: () => HighlightSource; onClick: (id: string) => void }>({
  name: "commentHighlights",
  addOptions() {
    return { source: () => ({ threads: [], focused: null }), onClick: () => {} };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const { source, onClick } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => DecorationSet.create(state.doc, []),
          apply: (tr, old, _oldState, newState) => {
            if (tr.getMeta(REFRESH_HIGHLIGHTS)) return build(editor, newState.doc, source());
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          return {
            update: (view, prevState) => {
              if (timer || view.state.doc.eq(prevState.doc)) return;
              timer = setTimeout(() => {
                timer = null;
                if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(REFRESH_HIGHLIGHTS, true));
              }, 0);
            },
            destroy: () => {
              if (timer) clearTimeout(timer);
            },
          };
        },
        props: {
          decorations: (state) => key.getState(state),
          handleClick: (_view, _pos, event) => {
            const target = event.target instanceof Element ? event.target.closest("[data-thread-id]") : null;
            const id = target?.getAttribute("data-thread-id");
            if (id) onClick(id);
            return false;
          },
        },
      }),
    ];
  },
});
