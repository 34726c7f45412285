import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { kip3Concept } from "../../../server/seed/content/kip3Concept.ts";
import { addReply, type CommentAuthor, createThread } from "../../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import type { SuggestionAuthor } from "../../../shared/suggestions/ids.ts";
import { trackAsSuggestion } from "../../../shared/suggestions/track.ts";
import { schema } from "../../helpers/headlessEditor.ts";

/**
 * The large document of the browser benchmark: the demo's KIP 3 concept (with its finance
 * and goal grids) `copies` times over — ×20 is about 150 pages — plus open comment threads
 * and open suggestions, as the client writes them. Built in memory; `seedBigDocument`
 * (seed.ts) stores it in a fresh data dir.
 *
 * Who wrote what (the demo users, see server/seed/demo.ts), so that the document is valid
 * for the policy and the canton's typist sees the other side's open suggestions:
 * - the content is Andrea Meier's (canton, owner);
 * - suggestions are Claire Dubois's (SEM), made with the client's own tracking
 *   (`trackAsSuggestion`), two insertions for every deletion;
 * - threads rotate over the four members, each with 0–2 replies by the others.
 */
export const SUGGESTER: SuggestionAuthor & { name: string } = {
  userId: "u-claire",
  orgId: "sem",
  name: "Claire Dubois",
};
export const COMMENTERS: readonly CommentAuthor[] = [
  { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so" },
  { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" },
  { id: "u-claire", name: "Claire Dubois", orgId: "sem" },
  { id: "u-marco", name: "Marco Rossi", orgId: "sem" },
];

export interface BigDocumentOptions {
  /** Copies of the concept (default 20, about 150 pages). */
  copies?: number;
  /** Open comment threads (default 200). */
  threads?: number;
  /** Open suggestions (default 300). */
  suggestions?: number;
}

export interface BigDocument {
  /** The whole Y.Doc (content, threads) as one update. */
  update: Uint8Array;
  /** The same content without comments or suggestions, for a peer whose schema has neither. */
  plainUpdate: Uint8Array;
  /**
   * What was added to the plain content, in order and by whom: the suggestions (one update
   * by SUGGESTER), then each thread and reply by its author. Lets a test run them through
   * the server's policy as those users.
   */
  edits: AuthoredEdit[];
  blocks: number;
  /** Characters of text in the content. */
  characters: number;
  threads: number;
  suggestions: number;
}

/** The grid attributes (shared/schema/attributeBounds.ts) that make a table a KIP grid. */
const GRID_ATTRIBUTES = ["grid", "year", "area", "field", "source"];

/** `node` with its tables as plain tables: the same rows and cells, no KIP grid attributes. */
function asPlainTables(node: JSONContent): JSONContent {
  const attrs =
    node.attrs && Object.fromEntries(Object.entries(node.attrs).filter(([k]) => !GRID_ATTRIBUTES.includes(k)));
  return {
    ...node,
    ...(attrs ? { attrs } : {}),
    ...(node.content ? { content: node.content.map(asPlainTables) } : {}),
  };
}

/**
 * The concept's blocks `copies` times; headings carry the copy number so the outline reads
 * apart. Only the first copy's grids are KIP grids: the policy holds a document to one of
 * each grid ("a document holds each grid once"), so the other copies' grids are the same
 * tables without the grid attributes, as a long concept's other tables would be.
 */
export function conceptBlocks(copies: number): JSONContent[] {
  const blocks = kip3Concept.content.content ?? [];
  return Array.from({ length: copies }, (_, copy) =>
    blocks.map((block) => {
      if (copy > 0 && block.type === "table") return asPlainTables(block);
      return block.type === "heading" && copies > 1 && block.content?.[0]?.type === "text"
        ? { ...block, content: [{ ...block.content[0], text: `${block.content[0].text} (Teil ${copy + 1})` }] }
        : block;
    }),
  ).flat();
}

/**
 * Text ranges inside non-empty paragraphs, in document order: top-level ones, and with
 * `inGrids` those in table cells too (the grids' fixed labels take no suggestions).
 */
function paragraphRanges(doc: PMNode, inGrids: boolean): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "paragraph") {
      if (node.textContent.length >= 24) ranges.push({ from: pos + 1, to: pos + 1 + node.content.size });
      return false;
    }
    return inGrids;
  });
  return ranges;
}

/** `count` indices spread evenly over `length` slots, starting at `offset` of a slot. */
const spread = (count: number, length: number, offset: number) =>
  Array.from({ length: count }, (_, i) => Math.floor(((i + offset) * length) / count) % length);

/**
 * Adds `count` suggestions by SUGGESTER, each its own transaction as typed in the client:
 * an insertion of a few words at the end of a top-level paragraph, or (every third) a
 * deletion of a word-sized run in its middle. Positions come from the current state, so edits never clash.
 */
function withSuggestions(doc: PMNode, count: number, at: number): PMNode {
  let state = EditorState.create({ doc });
  const slots = paragraphRanges(doc, false).length;
  if (count > 0 && slots === 0) throw new Error("no paragraph to suggest in");
  const chosen = spread(count, slots, 0.5);
  for (let i = 0; i < count; i++) {
    const range = paragraphRanges(state.doc, false)[chosen[i] ?? 0];
    if (!range) throw new Error("paragraph vanished");
    const tr = state.tr;
    if (i % 3 === 2) {
      const mid = Math.floor((range.from + range.to) / 2);
      tr.delete(mid, Math.min(mid + 8, range.to - 1));
    } else {
      tr.setSelection(TextSelection.create(tr.doc, range.to));
      tr.insertText(` (Vorschlag SEM ${i + 1})`, range.to);
    }
    const tracked = trackAsSuggestion(state, tr, SUGGESTER, at + i);
    if (!tracked.ok) throw new Error(`suggestion ${i} not trackable: ${tracked.reason}`);
    state = state.apply(tracked.tr);
  }
  return state.doc;
}

/** One author's change, as that author's client would send it. */
export interface AuthoredEdit {
  userId: string;
  update: Uint8Array;
}

/** Runs `change` on `ydoc` and returns the update it produced, attributed to `userId`. */
function authored(ydoc: Y.Doc, userId: string, change: () => void): AuthoredEdit {
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array) => updates.push(u);
  ydoc.on("update", capture);
  try {
    change();
  } finally {
    ydoc.off("update", capture);
  }
  return { userId, update: Y.mergeUpdates(updates) };
}

/** Adds `count` open threads anchored on a word run at the start of paragraphs spread over the document. */
function addThreads(ydoc: Y.Doc, count: number, edits: AuthoredEdit[]): void {
  const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const ranges = paragraphRanges(doc, true);
  const encode = (pos: number) =>
    Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, meta.mapping));
  spread(count, ranges.length, 0.25).forEach((slot, i) => {
    const range = ranges[slot];
    if (!range) return;
    const from = range.from + 2;
    const to = Math.min(from + 18, range.to);
    const author = COMMENTERS[i % COMMENTERS.length] as CommentAuthor;
    const id = `bench-thread-${i}`;
    edits.push(
      authored(ydoc, author.id, () =>
        createThread(ydoc, {
          author,
          id,
          text: `Bitte prüfen (${i + 1}): ist diese Formulierung mit dem Grundlagenpapier abgestimmt?`,
          quote: doc.textBetween(from, to, " "),
          anchorStart: encode(from),
          anchorEnd: encode(to),
        }),
      ),
    );
    for (let r = 0; r < i % 3; r++) {
      const replier = COMMENTERS[(i + r + 1) % COMMENTERS.length] as CommentAuthor;
      edits.push(
        authored(ydoc, replier.id, () =>
          addReply(ydoc, id, replier, `Antwort ${r + 1}: einverstanden, mit Anpassung im nächsten Entwurf.`),
        ),
      );
    }
  });
}

/** Builds the benchmark's large document (see the module comment). Deterministic but for ids' random parts. */
export function buildBigDocument(options: BigDocumentOptions = {}): BigDocument {
  const copies = options.copies ?? 20;
  const threadCount = options.threads ?? 200;
  const suggestionCount = options.suggestions ?? 300;
  const plain = schema.nodeFromJSON({ type: "doc", content: conceptBlocks(copies) });
  plain.check();

  const write = (ydoc: Y.Doc, target: PMNode) => {
    const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
    const { meta } = initProseMirrorDoc(fragment, schema);
    ydoc.transact(() => updateYFragment(ydoc, fragment, target, meta));
  };
  const plainDoc = new Y.Doc();
  const full = new Y.Doc();
  try {
    write(plainDoc, plain);
    const plainUpdate = Y.encodeStateAsUpdate(plainDoc);
    // The suggestions are a later edit of the same content, as they would be in life.
    Y.applyUpdate(full, plainUpdate);
    const { doc } = initProseMirrorDoc(full.getXmlFragment(CONTENT_FIELD), schema);
    const suggested = withSuggestions(doc, suggestionCount, Date.now() - 60_000);
    const edits = [authored(full, SUGGESTER.userId, () => write(full, suggested))];
    addThreads(full, threadCount, edits);
    return {
      update: Y.encodeStateAsUpdate(full),
      plainUpdate,
      edits,
      blocks: plain.childCount,
      characters: plain.textContent.length,
      threads: threadCount,
      suggestions: suggestionCount,
    };
  } finally {
    plainDoc.destroy();
    full.destroy();
  }
}
