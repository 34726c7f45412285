import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  type ICommentOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { ExportComment, ExportThread } from "../changes.ts";
import type { Revisions } from "./revisions.ts";

/** Letters of a name's words, as Word shows them beside a comment ("Anna Muster" → "AM"). */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => [...w][0]?.toUpperCase() ?? "")
    .join("") || "?";

/** Word's comment ids as paraIds (8 hex digits, below 0x80000000), as the docx library derives them. */
const durableIdOf = (id: number) => (id + 1).toString(16).toUpperCase().padStart(8, "0");

interface Placed {
  ids: number[];
  from: number;
  to: number;
  started: boolean;
  ended: boolean;
}

/**
 * The threads of the export as Word comments: each thread's opening comment and its replies
 * (w15:paraIdParent in commentsExtended.xml), resolved state (w15:done, on every comment of
 * the thread, so the root stays: superdoc PR #3629), and durable ids (commentsIds.xml).
 * Places their ranges while the body is written: `at(pos)` gives the range starts and ends
 * that fall at a ProseMirror position, `rest()` what never met its position (threads whose
 * passage was deleted keep their comment, anchored at the end).
 */
export class CommentPlacer {
  readonly options: ICommentOptions[] = [];
  private readonly placed: Placed[] = [];

  constructor(threads: readonly ExportThread[], revisions: Revisions) {
    for (const thread of threads) {
      const rootId = revisions.id();
      const ids = [rootId];
      this.options.push(commentOptions(thread, rootId, thread.resolved));
      for (const reply of thread.replies) {
        const id = revisions.id();
        ids.push(id);
        this.options.push({ ...commentOptions(reply, id, thread.resolved), parentId: rootId });
      }
      const range = thread.range ?? { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
      this.placed.push({ ids, from: range.from, to: range.to, started: false, ended: false });
    }
  }

  /** Positions strictly inside (from, to) where a range starts or ends: a text run is split there. */
  cutsWithin(from: number, to: number): number[] {
    const cuts = new Set<number>();
    for (const p of this.placed) for (const at of [p.from, p.to]) if (at > from && at < to) cuts.add(at);
    return [...cuts].sort((a, b) => a - b);
  }

  /** Range ends (with their references) and starts at `pos`: ends first, so touching ranges do not nest. */
  at(pos: number): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const p of this.placed) if (p.started && !p.ended && p.to <= pos) out.push(...this.end(p));
    for (const p of this.placed)
      if (!p.started && p.from <= pos) {
        p.started = true;
        for (const id of p.ids) out.push(new CommentRangeStart(id));
      }
    return out;
  }

  /**
   * A paragraph with the comments whose passage was never met (deleted text): their
   * references alone, as point comments (an empty range made LibreOffice fail to load the
   * file); null when every thread was placed. Ranges still open are closed by `at` at the
   * end of the body, so none is left here.
   */
  rest(): Paragraph | null {
    const out: ParagraphChild[] = [];
    for (const p of this.placed) {
      if (p.ended) continue;
      if (p.started) out.push(...this.end(p));
      else {
        p.ended = true;
        for (const id of p.ids) out.push(new TextRun({ children: [new CommentReference(id)] }));
      }
    }
    return out.length > 0 ? new Paragraph({ children: out }) : null;
  }

  private end(p: Placed): ParagraphChild[] {
    p.ended = true;
    return p.ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
  }
}

function commentOptions(comment: ExportComment, id: number, resolved: boolean): ICommentOptions {
  const date = new Date(comment.at);
  return {
    id,
    author: comment.author,
    initials: initialsOf(comment.author),
    // Never the library's default (now): exports stay the same bytes.
    date: Number.isNaN(date.getTime()) ? new Date(0) : date,
    resolved,
    durableId: durableIdOf(id),
    // The library writes commentsExtended.xml only when some comment names a parent; -1
    // names none, so a thread without replies still gets its w15:commentEx (and w15:done).
    parentId: -1,
    children: comment.text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })),
  };
}
