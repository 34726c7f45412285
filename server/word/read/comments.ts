import type { ImportedComment, ImportedThread } from "../imported.ts";
import { descendants, elements, textOf, type XmlElement } from "./xml.ts";

/** A comment of comments.xml with the id Word's threading (commentsExtended.xml) refers to it by. */
export interface WordComment extends ImportedComment {
  /** `w14:paraId` of the comment's last paragraph. */
  paraId: string | undefined;
}

/** A comment's place in its thread, from `w15:commentEx`. */
export interface CommentEx {
  parentParaId: string | undefined;
  done: boolean;
}

/** Longest comment text kept (a comment is a remark, not a document). */
const MAX_COMMENT_TEXT = 20_000;

/** The comments of comments.xml in file order: text (paragraphs joined by line breaks), author, date. */
export function readComments(root: XmlElement | undefined): WordComment[] {
  const seen = new Set<string>();
  const comments: WordComment[] = [];
  for (const comment of elements(root, "w:comment")) {
    const wordId = comment.attrs["w:id"];
    if (wordId === undefined || seen.has(wordId)) continue;
    seen.add(wordId);
    const paragraphs = [...descendants(comment)].filter((el) => el.name === "w:p");
    const text = paragraphs
      .map((p) =>
        [...descendants(p)]
          .map((el) => (el.name === "w:t" ? textOf(el) : el.name === "w:tab" ? "\t" : el.name === "w:br" ? "\n" : ""))
          .join(""),
      )
      .join("\n")
      .slice(0, MAX_COMMENT_TEXT);
    comments.push({
      wordId,
      author: (comment.attrs["w:author"] ?? "").slice(0, 200),
      date: comment.attrs["w:date"] ?? null,
      text,
      paraId: paragraphs[paragraphs.length - 1]?.attrs["w14:paraId"],
    });
  }
  return comments;
}

/** The threading of commentsExtended.xml by paragraph id: parent and done state. */
export function readCommentsExtended(root: XmlElement | undefined): Map<string, CommentEx> {
  const byParaId = new Map<string, CommentEx>();
  for (const ex of elements(root, "w15:commentEx")) {
    const paraId = ex.attrs["w15:paraId"];
    if (!paraId || byParaId.has(paraId)) continue;
    const done = ex.attrs["w15:done"];
    byParaId.set(paraId, {
      parentParaId: ex.attrs["w15:paraIdParent"] || undefined,
      done: done === "1" || done === "true",
    });
  }
  return byParaId;
}

/**
 * Comments grouped into threads: a comment whose `paraIdParent` leads to another comment is
 * a reply to that comment's thread root; every other comment is a thread of its own.
 * Without commentsExtended.xml nothing is merged, not even two comments on one range (the
 * re-import bug that merged separate threads). Threads come in document order (by the
 * start of their range), those without a place in the document last, in file order.
 */
export function threadsOf(
  comments: WordComment[],
  extended: Map<string, CommentEx>,
  ranges: ReadonlyMap<string, { from: number; to: number }>,
): ImportedThread[] {
  const byParaId = new Map<string, WordComment>();
  for (const c of comments) if (c.paraId && !byParaId.has(c.paraId)) byParaId.set(c.paraId, c);
  // Memoised: a chain of thousands of replies to replies stays linear.
  const roots = new Map<WordComment, WordComment>();
  const rootOf = (comment: WordComment): WordComment => {
    const known = roots.get(comment);
    if (known) return known;
    const root = findRoot(comment);
    roots.set(comment, root);
    return root;
  };
  const findRoot = (comment: WordComment): WordComment => {
    let current = comment;
    const seen = new Set<WordComment>([current]);
    for (;;) {
      const parentId = current.paraId ? extended.get(current.paraId)?.parentParaId : undefined;
      const parent = parentId ? byParaId.get(parentId) : undefined;
      if (!parent) return current;
      // A loop in the file's threading has no root: the comment stands as a thread of its own.
      if (seen.has(parent)) return comment;
      const parentRoot = roots.get(parent);
      // Every memoised root is a root (its own root), so a comment under it belongs to its thread.
      if (parentRoot) return parentRoot;
      seen.add(parent);
      current = parent;
    }
  };
  const threads = new Map<WordComment, ImportedThread>();
  const strip = ({ wordId, author, date, text }: WordComment): ImportedComment => ({ wordId, author, date, text });
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root === comment) {
      threads.set(comment, {
        ...strip(comment),
        replies: [],
        resolved: (comment.paraId && extended.get(comment.paraId)?.done) || false,
        range: ranges.get(comment.wordId) ?? null,
      });
    }
  }
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root !== comment) threads.get(root)?.replies.push(strip(comment));
  }
  const order = [...threads.values()];
  const position = (t: ImportedThread) => t.range?.from ?? Number.POSITIVE_INFINITY;
  return order
    .map((thread, index) => ({ thread, index }))
    .sort((a, b) => position(a.thread) - position(b.thread) || a.index - b.index)
    .map(({ thread }) => thread);
}
