import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { findMatches, type Match } from "./findMatches.ts";

/** What is being searched for and what was found; empty `query` while find and replace is closed. */
export interface FindState {
  query: string;
  matchCase: boolean;
  matches: Match[];
  truncated: boolean;
  /** Index of the current match in `matches` (0 when there is none). */
  current: number;
  decorations: DecorationSet;
}

/** A search to run (`query`, `matchCase`) or a match to make current. */
type FindMeta = { query: string; matchCase: boolean } | { current: number };

export const findKey = new PluginKey<FindState>("findReplace");

const EMPTY: FindState = {
  query: "",
  matchCase: false,
  matches: [],
  truncated: false,
  current: 0,
  decorations: DecorationSet.empty,
};

function searched(doc: PMNode, query: string, matchCase: boolean, current: number): FindState {
  const { matches, truncated } = findMatches(doc, query, matchCase);
  const at = Math.min(current, Math.max(matches.length - 1, 0));
  const decorations = DecorationSet.create(
    doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === at ? "find-match find-match--current" : "find-match" }),
    ),
  );
  return { query, matchCase, matches, truncated, current: at, decorations };
}

/** Sets the search (an empty query ends it); the highlights follow. */
export const setSearch = (tr: Transaction, query: string, matchCase: boolean): Transaction =>
  tr.setMeta(findKey, { query, matchCase } satisfies FindMeta);

/** Makes match `current` the current one. */
export const setCurrentMatch = (tr: Transaction, current: number): Transaction =>
  tr.setMeta(findKey, { current } satisfies FindMeta);

/**
 * Highlights the matches of the search (bounded by MAX_MATCHES) and the current one. The
 * text is searched again only while a search is on: when it is set, and when the text changes.
 */
export const FindHighlights = Extension.create({
  name: "findHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => EMPTY,
          apply(tr, prev) {
            const meta = tr.getMeta(findKey) as FindMeta | undefined;
            if (meta && "query" in meta) return meta.query ? searched(tr.doc, meta.query, meta.matchCase, 0) : EMPTY;
            if (meta && "current" in meta) return searched(tr.doc, prev.query, prev.matchCase, meta.current);
            if (tr.docChanged && prev.query) return searched(tr.doc, prev.query, prev.matchCase, prev.current);
            return prev;
          },
        },
        props: { decorations: (state) => findKey.getState(state)?.decorations ?? DecorationSet.empty },
      }),
    ];
  },
});
