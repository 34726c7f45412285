import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { isSuggestionMark } from "../../shared/suggestions/marks.ts";
import { isNew } from "./newItems.ts";

// y-tiptap names a mark that may overlap itself `<name>--<hash>`.
const markName = (key: string) => key.replace(/--[a-zA-Z0-9+/=]{8}$/, "");

/** The suggestion id a format item starts, or null when it is none (or ends one). */
function suggestionIdOf(item: Y.Item): string | null {
  const content = item.content;
  if (!(content instanceof Y.ContentFormat) || !isSuggestionMark(markName(content.key))) return null;
  const id = (content.value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

/**
 * How many suggestions of `actorId` an accepted edit started: the suggestion ids that its new
 * format items in the content carry and that no older format item carried already (typing on
 * in a suggestion, or splitting it, starts none). Only when there is a candidate does it look
 * through the content's older formats, stopping once every candidate is found.
 */
export function newSuggestionCount(tr: Y.Transaction, items: readonly Y.Item[], actorId: string): number {
  const fragment = tr.doc.getXmlFragment(CONTENT_FIELD);
  const candidates = new Set<string>();
  for (const item of items) {
    const id = suggestionIdOf(item);
    // The author attribute is the id's; suggestionRule refused ids naming another user.
    if (id && parseSuggestionId(id)?.userId === actorId && inContent(item, fragment)) candidates.add(id);
  }
  if (candidates.size === 0) return 0;
  const seen = (item: Y.Item) => {
    const id = suggestionIdOf(item);
    if (id && !isNew(tr, item)) candidates.delete(id);
    return candidates.size === 0;
  };
  walk(fragment, seen);
  return candidates.size;
}

function inContent(item: Y.Item, fragment: Y.XmlFragment): boolean {
  let parent = item.parent as Y.AbstractType<unknown>;
  while (parent._item) parent = parent._item.parent as Y.AbstractType<unknown>;
  return (parent as unknown) === fragment;
}

/** Visits every item under `type`, deleted ones included (a deleted format still attests an older id); stops when `visit` says so. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are parameterised by their own event type
function walk(type: Y.AbstractType<any>, visit: (item: Y.Item) => boolean): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (visit(item)) return true;
    if (item.content instanceof Y.ContentType && walk(item.content.type, visit)) return true;
  }
  return false;
}
