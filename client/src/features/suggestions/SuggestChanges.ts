import {
  disableSuggestChanges,
  enableSuggestChanges,
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
} from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import { Fragment, type Node as PMNode, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import type { SuggestionAuthor } from "../../../../shared/suggestions/ids.ts";
import { isSuggestionMark } from "../../../../shared/suggestions/marks.ts";
import { type SuggestBlockReason, trackAsSuggestion } from "../../../../shared/suggestions/track.ts";
import { incrementalSuggestionDecorations } from "./suggestionDecorations.ts";

export interface SuggestChangesOptions {
  author: SuggestionAuthor | null;
  /** Called when an edit cannot be made as a suggestion; nothing was changed. */
  onBlocked: (reason: SuggestBlockReason) => void;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestChanges: {
      /** Turns suggesting on or off for this editor (not shared with others). */
      setSuggesting: (on: boolean) => ReturnType;
    };
  }
}

/** Transactions the tracking must leave alone: remote Yjs changes, undo, and our own commands. */
function isUntracked(meta: (key: string | PluginKey) => unknown): boolean {
  const ySync = (meta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  const own = meta(suggestChangesKey) as object | undefined;
  return Boolean(ySync.isChangeOrigin || ySync.isUndoRedoOperation || meta("history$") || (own && "skip" in own));
}

/** Pasted text keeps its formatting but never someone's suggestion marks: those are attributions. */
function withoutSuggestionMarks(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((m) => !isSuggestionMark(m.type.name));
    nodes.push(node.isText ? node.mark(marks) : node.copy(withoutSuggestionMarks(node.content)).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

/**
 * Text typed directly (not suggesting) inside someone's suggestion would inherit its mark
 * and pass for their suggestion; it is typed as plain text instead.
 */
function withoutInheritedSuggestions(tr: Transaction): Transaction {
  const { insertion, deletion } = tr.doc.type.schema.marks;
  tr.mapping.maps.forEach((map, i) => {
    const later = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = later.map(newStart, -1);
      const to = later.map(newEnd, 1);
      if (to <= from) return;
      if (insertion) tr.removeMark(from, to, insertion);
      if (deletion) tr.removeMark(from, to, deletion);
    });
  });
  return tr;
}

/**
 * Suggesting mode: while on, every edit of this user becomes a suggestion in their name
 * (shared/suggestions/track.ts). An edit that cannot be a suggestion (deleting someone
 * else's suggestion, changing a heading level) is not applied, and `onBlocked` says why.
 * Uses TipTap's dispatchTransaction hook so TipTap's own dispatch still runs.
 */
export const SuggestChanges = Extension.create<SuggestChangesOptions>({
  name: "suggestChanges",

  addOptions: () => ({ author: null, onBlocked: () => {} }),

  addProseMirrorPlugins() {
    const library = suggestChanges();
    return [
      // The library's plugin with its decorations computed per block (it walks the whole document on every update).
      new Plugin({
        ...library.spec,
        props: { ...library.spec.props, decorations: incrementalSuggestionDecorations() },
      }),
      new Plugin({
        key: new PluginKey("suggestionPaste"),
        props: {
          transformPasted: (slice) => new Slice(withoutSuggestionMarks(slice.content), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },

  addCommands() {
    return {
      setSuggesting:
        (on) =>
        ({ state, dispatch }) =>
          on ? enableSuggestChanges(state, dispatch) : disableSuggestChanges(state, dispatch),
    };
  },

  dispatchTransaction({ transaction, next }) {
    const { author, onBlocked } = this.options;
    const state = this.editor.state;
    if (!author || !transaction.docChanged || isUntracked((key) => transaction.getMeta(key))) return next(transaction);
    if (!isSuggestChangesEnabled(state)) return next(withoutInheritedSuggestions(transaction));
    const tracked = trackAsSuggestion(state, transaction, author, Date.now());
    if (tracked.ok) next(tracked.tr);
    else onBlocked(tracked.reason);
  },
});

export { isSuggestChangesEnabled };
