import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { toOneLine } from "../../shared/api/fieldText.ts";
import { addReply, type CommentAuthor, createThread, setResolved, ThreadData } from "../../shared/comments/model.ts";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";
import { setWordOrigin, type WordOrigin, wordOriginKey } from "../../shared/word/origins.ts";
import type { ImportedThread, WordAuthorship } from "./imported.ts";

/** The shared schema, built once for every import. */
export const schema = getSchema(schemaExtensions());

const TEXT_MAX = ThreadData.shape.text.maxLength ?? 10_000;
const QUOTE_MAX = ThreadData.shape.quote.maxLength ?? 2_000;
const AUTHOR_MAX = 200;

/**
 * Writes `target` into the document's content fragment with y-tiptap's own diff (as a
 * restored version is written): what is already equal keeps its identity, so a file that
 * comes back changes only what differs.
 */
export function writeContent(ydoc: Y.Doc, target: PMNode): void {
  const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
  const { meta } = initProseMirrorDoc(fragment, schema);
  updateYFragment(ydoc, fragment, target, meta);
}

/**
 * Word's author and date as an origin the map accepts: the author on one line (control and
 * format characters as spaces) and cut to its bound, a date without offset read as UTC
 * (Word writes local time with "Z" or nothing), anything unreadable as no date. Null when Word named no author: there is nothing to show.
 */
export function originOf(word: WordAuthorship): WordOrigin | null {
  // On one line like an Accord name (PersonName): a bidi override or a line separator in a
  // file's w:author would show "in Word: …" as another name, or print a line of its own.
  const author = toOneLine(word.author).trim().slice(0, AUTHOR_MAX);
  if (!author) return null;
  return { author, date: isoDate(word.date) };
}

function isoDate(date: string | null): string | null {
  if (!date) return null;
  for (const candidate of [date, `${date}Z`]) {
    const parsed = new Date(candidate);
    if (/T/.test(candidate) && !Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  return null;
}

/** Records the Word origin of each suggestion id made from a Word revision key. */
export function writeSuggestionOrigins(
  ydoc: Y.Doc,
  ids: ReadonlyMap<string, string>,
  revisions: Readonly<Record<string, WordAuthorship>>,
): void {
  for (const [key, id] of ids) {
    const word = Object.hasOwn(revisions, key) ? revisions[key] : undefined;
    const origin = word ? originOf(word) : null;
    if (origin) setWordOrigin(ydoc, wordOriginKey.suggestion(id), origin);
  }
}

/** A thread as written, with the Word origins it asks for (recorded separately, by the server). */
export interface WrittenThread {
  origins: [key: string, origin: WordOrigin][];
}

const commentText = (text: string) => (text.trim() ? text : "…").slice(0, TEXT_MAX);

/**
 * Creates the imported threads, authored by the importing user, anchored by relative
 * positions into the content as it stands in `ydoc` (write the content first: the ranges
 * are positions in the imported document, which the fragment now equals). Returns the
 * origins to record; the caller records them, so that a file that comes back can pass its
 * threads through the policy without the server-only map.
 */
export function writeThreads(
  ydoc: Y.Doc,
  threads: readonly ImportedThread[],
  author: CommentAuthor,
  rangeOf: (thread: ImportedThread) => { from: number; to: number } | null = (t) => t.range,
): { origins: [key: string, origin: WordOrigin][]; resolved: string[] } {
  const fragment = ydoc.getXmlFragment(CONTENT_FIELD);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const size = doc.content.size;
  const encode = (pos: number) =>
    Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, meta.mapping));
  const origins: [string, WordOrigin][] = [];
  const resolved: string[] = [];
  for (const thread of threads) {
    const range = rangeOf(thread);
    // A comment without a usable range is kept, as an orphaned thread at the start.
    const from = range && range.from >= 0 && range.to <= size && range.from < range.to ? range.from : 0;
    const to = range && from > 0 ? range.to : 0;
    const id = createThread(ydoc, {
      author,
      text: commentText(thread.text),
      quote: to > from ? doc.textBetween(from, to, " ").slice(0, QUOTE_MAX) : "",
      anchorStart: encode(from),
      anchorEnd: encode(to),
    });
    const threadOrigin = originOf(thread);
    if (threadOrigin) origins.push([wordOriginKey.thread(id), threadOrigin]);
    for (const reply of thread.replies) {
      const replyId = addReply(ydoc, id, author, commentText(reply.text));
      const replyOrigin = originOf(reply);
      if (replyOrigin) origins.push([wordOriginKey.reply(replyId), replyOrigin]);
    }
    if (thread.resolved) resolved.push(id);
  }
  return { origins, resolved };
}

/**
 * Resolves the imported threads Word marked done. A change of its own, after the threads
 * exist: the policy refuses a thread that is created resolved.
 */
export function resolveThreads(ydoc: Y.Doc, ids: readonly string[], author: CommentAuthor): void {
  for (const id of ids) setResolved(ydoc, id, true, author);
}

/** Records origins returned by `writeThreads`. */
export function writeOrigins(ydoc: Y.Doc, origins: readonly [string, WordOrigin][]): void {
  for (const [key, origin] of origins) setWordOrigin(ydoc, key, origin);
}
