import type * as Y from "yjs";
import { z } from "zod";

/**
 * Where an imported suggestion, comment thread or reply came from in Word: the author and
 * date the file recorded. Accord's own attribution stays the importing user's (a
 * suggestion's id, a thread's author); this is what the UI shows beside it ("in Word: Name,
 * Datum") and what a DOCX export writes back as the change's or comment's author.
 *
 * Layout: doc.getMap("wordOrigins"): key → { author, date }, keys from `wordOriginKey`.
 * Only the server writes it (the import, as a server change). It is a shared type of its
 * own, not a field of threads or marks, so that the policy's rule for unknown shared types
 * refuses it to every client: nobody can put "in Word: …" on their own text.
 */
export const WORD_ORIGINS_FIELD = "wordOrigins";

export const WordOrigin = z
  .object({
    author: z.string().min(1).max(200),
    /** ISO 8601 as the file gives it, or null when Word wrote no date. */
    date: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type WordOrigin = z.infer<typeof WordOrigin>;

export const wordOriginKey = {
  suggestion: (suggestionId: string) => `s:${suggestionId}`,
  thread: (threadId: string) => `t:${threadId}`,
  reply: (replyId: string) => `r:${replyId}`,
};

export const wordOriginsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(WORD_ORIGINS_FIELD);

/** Records an origin; for the server's import only (clients are refused the map). */
export function setWordOrigin(doc: Y.Doc, key: string, origin: WordOrigin): void {
  wordOriginsOf(doc).set(key, WordOrigin.parse(origin));
}

/** Every origin that matches the layout, by key; anything else is ignored. */
export function readWordOrigins(doc: Y.Doc): Map<string, WordOrigin> {
  const out = new Map<string, WordOrigin>();
  for (const [key, value] of wordOriginsOf(doc).entries()) {
    const parsed = WordOrigin.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}
