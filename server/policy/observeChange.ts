import * as Y from "yjs";
import { commentsOf } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { structureTarget } from "../../shared/schema/yjsNode.ts";
import type { Change } from "./Change.ts";
import type { ContentBlocks } from "./contentBlocks.ts";
import { inspectContentEvent } from "./contentInspection.ts";
import { inspectStructure } from "./contentStructure.ts";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are parameterised by their own event type
type SharedType = Y.AbstractType<any>;

/** The child of `fragment` that contains `type`; null for the fragment itself (its own children were added or removed). */
function topLevelBlock(type: SharedType, fragment: Y.XmlFragment): Y.XmlElement | Y.XmlText | null {
  let t = type;
  while (t._item && t._item.parent !== fragment) t = t._item.parent as SharedType;
  return t._item && (t instanceof Y.XmlElement || t instanceof Y.XmlText) ? t : null;
}

/** The root shared type a type belongs to. */
function rootOf(type: SharedType): SharedType {
  let t = type;
  while (t._item) t = t._item.parent as SharedType;
  return t;
}

/**
 * Applies `update` to `doc` and reports what it changed, from the transaction's own
 * events: observeDeep on content and comments, and the transaction's changed types for
 * everything else. Content is inspected inside the observer, while deltas are readable.
 * Throws what Y.applyUpdate throws; the doc may then be half-changed and must be rebuilt.
 */
export function applyAndObserve(
  doc: Y.Doc,
  update: Uint8Array,
  threadsBefore: Record<string, unknown>,
  blocks: ContentBlocks,
): Change & { touchedBlocks: Set<Y.XmlElement | Y.XmlText>; blocksAddedOrRemoved: boolean } {
  const content = doc.getXmlFragment(CONTENT_FIELD);
  const comments = commentsOf(doc);
  const touchedBlocks = new Set<Y.XmlElement | Y.XmlText>();
  /** What the structure check builds again: the changed elements, and blocks added at the top level (whose content raised no event). */
  const structureTargets = new Set<Y.XmlElement | Y.XmlText>();
  let region: ReturnType<Change["region"]> | null = null;
  const change = {
    contentChanged: false,
    contentProblems: [] as string[],
    foreignRoots: [] as string[],
    threads: [] as Change["threads"],
    blocksAddedOrRemoved: false,
    touchedBlocks,
    region: () => {
      region ??= blocks.region(touchedBlocks, change.blocksAddedOrRemoved);
      return region;
    },
  };
  const touchedThreads = new Set<string>();
  const onContent = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    change.contentChanged = true;
    for (const event of events) {
      inspectContentEvent(event, change.contentProblems);
      const block = topLevelBlock(event.target, content);
      if (block) touchedBlocks.add(block);
      const target = structureTarget(event.target, content);
      if (target) structureTargets.add(target);
      else if (event.target === content) {
        change.blocksAddedOrRemoved = true;
        for (const item of event.changes.added) {
          const added = item.content.getContent()[0];
          if (added instanceof Y.XmlElement || added instanceof Y.XmlText) structureTargets.add(added);
        }
        if (event.changes.keys.size > 0) change.contentProblems.push("attributes on the document root are not allowed");
      }
    }
  };
  // Only the threads an update touched are compared, so the cost does not grow with their number.
  const onComments = (events: Y.YEvent<SharedType>[]) => {
    for (const event of events) {
      if (event.target === comments) for (const key of event.changes.keys.keys()) touchedThreads.add(key);
      else if (typeof event.path[0] === "string") touchedThreads.add(event.path[0]);
    }
  };
  const onTransaction = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const root = rootOf(type);
      if (root === content || root === comments) continue;
      const name = [...doc.share].find(([, t]) => t === root)?.[0] ?? "(unnamed)";
      if (!change.foreignRoots.includes(name)) change.foreignRoots.push(name);
    }
  };
  content.observeDeep(onContent);
  comments.observeDeep(onComments);
  doc.on("afterTransaction", onTransaction);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    content.unobserveDeep(onContent);
    comments.unobserveDeep(onComments);
    doc.off("afterTransaction", onTransaction);
  }
  if (change.contentChanged) {
    inspectStructure(content, structureTargets, change.blocksAddedOrRemoved, change.contentProblems);
  }
  for (const id of touchedThreads) {
    const after = comments.get(id);
    change.threads.push({ id, before: threadsBefore[id], after: after instanceof Y.Map ? after.toJSON() : after });
  }
  return change;
}
