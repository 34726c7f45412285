import * as Y from "yjs";
import { sectionIdOf, sectionLevel } from "../../shared/sections/sections.ts";

/**
 * The sections whose text a transaction on the live doc changed: the top-level blocks it
 * touched (a change anywhere inside one), added or removed, each counted in the section it
 * stands in (or stood in, for a removed one). A removed heading counts for its own section
 * and for the one before it, which now holds its blocks. One pass over the top-level blocks,
 * deleted ones included, so cost follows the document's block count, not its text.
 */
export function changedSections(transaction: Y.Transaction, fragment: Y.XmlFragment): Set<string> {
  const touched = new Set<Y.Item>();
  let structural = false;
  for (const type of transaction.changed.keys()) {
    if ((type as unknown) === fragment) {
      structural = true;
      continue;
    }
    const block = topLevelItemOf(type, fragment);
    if (block) touched.add(block);
  }
  const changed = new Set<string>();
  if (touched.size === 0 && !structural) return changed;
  let current: string | null = null;
  for (let item = fragment._start; item !== null; item = item.right) {
    const content = item.content instanceof Y.ContentType ? item.content.type : null;
    const isNew = item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
    const removedNow = item.deleted && Y.isDeleted(transaction.deleteSet, item.id);
    if (item.deleted && !removedNow) continue;
    const headingId = content && sectionLevel(content) ? sectionIdOf(content as Y.XmlElement) : null;
    if (headingId && removedNow) {
      changed.add(headingId);
      if (current) changed.add(current);
      continue;
    }
    if (headingId) current = headingId;
    const hit = touched.has(item) || (structural && (isNew || removedNow));
    if (hit && current) changed.add(current);
  }
  return changed;
}

/** The item of the top-level block `type` lies in, or null if it is not inside `fragment`. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types its changed map's keys this way
function topLevelItemOf(type: Y.AbstractType<Y.YEvent<any>>, fragment: Y.XmlFragment): Y.Item | null {
  let item = type._item;
  while (item && item.parent !== fragment) item = (item.parent as Y.XmlElement)._item;
  return item ?? null;
}
