/**
 * @mentions in comment text (issue 16): the text keeps "@Full Name" as the author saw it,
 * the comment stores the chosen members' user ids. Pure functions over text and members.
 */

/** Whom one can mention: a member of the document. */
export interface Mentionable {
  userId: string;
  name: string;
}

/** A name being typed after "@": where the "@" is and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

// "@" at the start or after a space or an opening bracket, then at most two words of a name.
const QUERY = /(?:^|[\s(«"])@([\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u;

/** The name typed after an "@" just before the caret, or null when the caret is not in one. */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const match = QUERY.exec(text.slice(0, caret));
  if (!match || match[1] === undefined) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();

/** Members whose name, or one of its words, begins with the query (ignoring case and accents), by name. */
export function matchingMembers<M extends Mentionable>(members: readonly M[], query: string, limit = 8): M[] {
  const q = fold(query.trim());
  return members
    .filter((m) => {
      const name = fold(m.name);
      return name.startsWith(q) || name.split(/\s+/).some((word) => word.startsWith(q));
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The text with the query replaced by "@Name " and the caret after it. */
export function insertMention(
  text: string,
  at: MentionQuery,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}

/** Whether "@Name" stands in the text as a whole name (not the start of a longer word). */
function mentions(text: string, name: string): boolean {
  const needle = `@${name}`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const after = text.charAt(i + needle.length);
    if (!/[\p{L}\p{M}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** The ids of the chosen people whose "@Name" is still in the text, each once, in the order chosen. */
export function mentionedIds(text: string, chosen: readonly Mentionable[]): string[] {
  return [...new Set(chosen.filter((c) => mentions(text, c.name)).map((c) => c.userId))];
}

/** A piece of a comment's text: plain, a mention of a member, or a mention that notified nobody. */
export type TextPiece =
  | { kind: "text"; text: string }
  | { kind: "member"; text: string; userId: string }
  | { kind: "notMember"; text: string };

// An "@" followed by one or two capitalised words: how a mention of someone no longer listed reads.
const LOOSE_MENTION = /@\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*)?/gu;

/**
 * The text cut into pieces for display. Ids of current members highlight their "@Name"; ids
 * of people who are not (or no longer) members match the remaining "@Name"s in order, shown
 * as not notified. `unmatched` counts such ids no "@Name" is left for.
 */
export function textPieces(
  text: string,
  ids: readonly string[],
  members: readonly Mentionable[],
): { pieces: TextPiece[]; unmatched: number } {
  const spans: { from: number; to: number; piece: TextPiece }[] = [];
  const taken = (from: number, to: number) => spans.some((s) => from < s.to && s.from < to);
  // Longest names first, so "@Anna Maria Muster" is not taken for "@Anna Maria".
  const named = members.filter((m) => ids.includes(m.userId)).sort((a, b) => b.name.length - a.name.length);
  for (const m of named) {
    const needle = `@${m.name}`;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const to = i + needle.length;
      if (/[\p{L}\p{M}\p{N}]/u.test(text.charAt(to)) || taken(i, to)) continue;
      spans.push({ from: i, to, piece: { kind: "member", text: needle, userId: m.userId } });
    }
  }
  let missing = ids.filter((id) => !members.some((m) => m.userId === id)).length;
  for (const match of text.matchAll(LOOSE_MENTION)) {
    if (missing === 0) break;
    const from = match.index;
    const to = from + match[0].length;
    if (taken(from, to)) continue;
    spans.push({ from, to, piece: { kind: "notMember", text: match[0] } });
    missing -= 1;
  }
  spans.sort((a, b) => a.from - b.from);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.from > at) pieces.push({ kind: "text", text: text.slice(at, s.from) });
    pieces.push(s.piece);
    at = s.to;
  }
  if (at < text.length) pieces.push({ kind: "text", text: text.slice(at) });
  return { pieces, unmatched: missing };
}
