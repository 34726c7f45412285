import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { ComparisonChange } from "../../shared/api/comparison.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { type Redline, redline } from "../../shared/versions/redline.ts";
import { readWordOrigins, wordOriginKey } from "../../shared/word/origins.ts";
import type { Attribution, ChangeOrigin } from "../export/changes.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { AttributedUpdate, AttributionStore } from "../store/ports/AttributionStore.ts";
import { type IdRange, rangesOfUpdate, readUpdateRanges } from "../sync/updateRanges.ts";

/** One side of a comparison: its ProseMirror JSON and the Yjs state it was read from. */
export interface ComparedText {
  json: JSONContent;
  state: Uint8Array;
}

/** A redline and the attribution of each of its marks (who made the change, when). */
export interface AttributedRedline {
  doc: JSONContent;
  attribution: Attribution;
  /** Every change of the redline by mark id: its kind and origin. */
  changes: Record<string, ComparisonChange>;
}

/** The Yjs item id of each character of the text nodes, in document order (as ProseMirror reads them). */
export function characterIds(ydoc: Y.Doc): Y.ID[] {
  const out: Y.ID[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (type instanceof Y.XmlText) {
      for (let item = type._start; item; item = item.right) {
        if (item.deleted || !item.countable || !(item.content instanceof Y.ContentString)) continue;
        for (let k = 0; k < item.length; k++) out.push(Y.createID(item.id.client, item.id.clock + k));
      }
      return;
    }
    if (type instanceof Y.XmlHook) return;
    for (const child of type.toArray()) walk(child);
  };
  walk(ydoc.getXmlFragment(CONTENT_FIELD));
  return out;
}

/** Which update inserted, and which deleted, an item id: sorted ranges per client. */
class RangeIndex {
  private readonly byClient = new Map<number, { clock: number; end: number; update: AttributedUpdate }[]>();

  add(range: IdRange, update: AttributedUpdate): void {
    const [client, clock, length] = range;
    const list = this.byClient.get(client) ?? [];
    if (list.length === 0) this.byClient.set(client, list);
    list.push({ clock, end: clock + length, update });
  }

  seal(): void {
    for (const list of this.byClient.values()) list.sort((a, b) => a.clock - b.clock);
  }

  find(id: Y.ID): AttributedUpdate | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found: AttributedUpdate | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid];
      if (!r) break;
      if (r.clock <= id.clock) {
        if (id.clock < r.end) found = r.update;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Delete sets of several updates may overlap; the first one listed that covers it wins.
    return found ?? list.find((r) => r.clock <= id.clock && id.clock < r.end)?.update;
  }
}

function indexesOf(updates: readonly AttributedUpdate[]) {
  const inserted = new RangeIndex();
  const deleted = new RangeIndex();
  for (const u of updates) {
    let ranges: ReturnType<typeof rangesOfUpdate>;
    try {
      ranges = u.form === "update" ? rangesOfUpdate(u.data) : readUpdateRanges(u.data);
    } catch {
      continue; // a row nobody can read attributes nothing; the fallback names the freezer
    }
    for (const r of ranges.inserted) inserted.add(r, u);
    for (const r of ranges.deleted) deleted.add(r, u);
  }
  inserted.seal();
  deleted.seal();
  return { inserted, deleted };
}

/** The quarter hour an ISO time falls in (its key: the time it starts). */
function quarterHour(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - (t % (15 * 60_000))).toISOString();
}

const textLength = (node: JSONContent): number =>
  node.type === "text" ? (node.text ?? "").length : (node.content ?? []).reduce((n, c) => n + textLength(c), 0);

function withDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The redline from `from` to `to`, each change attributed to the person whose update made it
 * and that update's time (neighbouring words of one person in one quarter hour are one change,
 * at the time of the last of those updates): an inserted word to the update that inserted its Yjs item in `to`'s
 * state, a deleted word to the update whose delete set covers its item in `from`'s state
 * (from the log, or the attribution index once compaction folded it). A pending suggestion is
 * its suggester's at the suggestion's time, or its Word author and date when it was imported.
 * Where nothing is known (rows from before the index), `fallback` (the version's freezer).
 */
export async function attributedRedline(
  store: AttributionStore & NameLookup,
  documentId: string,
  from: ComparedText,
  to: ComparedText,
  fallback: ChangeOrigin,
): Promise<AttributedRedline> {
  const updates = await store.attributedUpdates(documentId);
  const index = indexesOf(updates);
  const fromIds = withDoc(from.state, characterIds);
  const { toIds, wordOrigins } = withDoc(to.state, (d) => ({
    toIds: characterIds(d),
    wordOrigins: readWordOrigins(d),
  }));
  // The ids line up with the JSON's characters only when both were read from the same state.
  const fromOk = fromIds.length === textLength(from.json);
  const toOk = toIds.length === textLength(to.json);
  // Words by one person within one quarter hour form one change (a keystroke is an update of
  // its own); the change carries the time of its person's last update in that quarter hour.
  const byKey = new Map<string, { userId: string | null; at: string }>();
  const key = (u: AttributedUpdate | undefined) => {
    if (!u) return "";
    const k = `u:${u.userId ?? ""}@${quarterHour(u.at)}`;
    const seen = byKey.get(k);
    if (!seen || seen.at < u.at) byKey.set(k, { userId: u.userId, at: u.at });
    return k;
  };
  const red: Redline = redline(from.json, to.json, {
    inserted: (offset) => key(toOk ? (toIds[offset] && index.inserted.find(toIds[offset])) || undefined : undefined),
    deleted: (offset) =>
      key(fromOk ? (fromIds[offset] && index.deleted.find(fromIds[offset])) || undefined : undefined),
  });

  const names = new Map<string, string>();
  for (const userId of new Set(
    [
      ...updates.map((u) => u.userId),
      ...Object.values(red.changes).map((c) => parseSuggestionId(c.origin)?.userId),
    ].filter((id): id is string => typeof id === "string"),
  )) {
    names.set(userId, (await store.findUserById(userId))?.name ?? userId);
  }
  const originOf = (origin: string): ChangeOrigin => {
    const update = byKey.get(origin);
    if (update) return { name: (update.userId && names.get(update.userId)) ?? fallback.name, at: update.at };
    const suggestion = parseSuggestionId(origin);
    if (suggestion) {
      const word = wordOrigins.get(wordOriginKey.suggestion(origin));
      if (word) return { name: word.author, at: word.date ?? new Date(suggestion.at).toISOString() };
      return { name: names.get(suggestion.userId) ?? suggestion.userId, at: new Date(suggestion.at).toISOString() };
    }
    return fallback;
  };
  const resolved = new Map(Object.entries(red.changes).map(([id, c]) => [id, originOf(c.origin)]));
  const changes = Object.fromEntries(
    Object.entries(red.changes).map(([id, c]) => [id, { kind: c.kind, ...(resolved.get(id) ?? fallback) }]),
  );
  return {
    doc: red.doc,
    changes,
    attribution: (markId) => (typeof markId === "string" && resolved.get(markId)) || fallback,
  };
}
