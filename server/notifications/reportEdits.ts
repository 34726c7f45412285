import type * as Y from "yjs";
import { COMMENTS_FIELD, commentsOf } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import type { AcceptedObserver } from "../sync/AcceptedObserver.ts";
import { commentEvents, resolutionEvents } from "./commentEvents.ts";
import type { NotificationEvents } from "./events.ts";
import { newItems } from "./newItems.ts";
import { newSuggestionCount } from "./newSuggestions.ts";

/**
 * The room observer that reports what an accepted client update did that may concern
 * others: new comments and replies (with their mentions), mentions set by an edit,
 * threads resolved or reopened (as the policy noted them), suggestions started. It only reports; who is told is the
 * Notifications service's decision. It changes nothing (no follow-up). An update that
 * touched neither the comments nor the content costs a lookup per transaction; one that did
 * costs a look at its own new items.
 */
/**
 * Comment events one accepted update reports at most. A client writes one comment per update
 * (an offline session a few more, sent at once); one 4 MiB message could otherwise open
 * thousands of threads mentioning 20 members each: tens of thousands of inbox entries, the
 * lookups of who was told before, and mail lines, from one message.
 */
export const MAX_COMMENT_EVENTS = 100;

export function reportEdits(events: NotificationEvents): AcceptedObserver {
  return function reportEdit({ documentId, userId, doc, transactions, audit }) {
    const comments = sharedAs(doc, COMMENTS_FIELD, () => commentsOf(doc));
    const content = sharedAs(doc, CONTENT_FIELD, () => doc.getXmlFragment(CONTENT_FIELD));
    let suggestions = 0;
    let reported = 0;
    for (const tr of transactions) {
      const inComments = changed(tr, comments);
      const inContent = changed(tr, content);
      if (!inComments && !inContent) continue;
      const items = [...newItems(tr)];
      if (inComments) {
        for (const event of commentEvents(tr, items, { documentId, actorId: userId })) {
          if (reported++ >= MAX_COMMENT_EVENTS) break;
          events.emit(event);
        }
      }
      if (inContent) suggestions += newSuggestionCount(tr, items, userId);
    }
    for (const event of resolutionEvents(doc, audit, { documentId, actorId: userId })) events.emit(event);
    if (suggestions > 0) events.emit({ kind: "suggestions", documentId, actorId: userId, count: suggestions });
    return null;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are parameterised by their own event type
type Shared = Y.AbstractType<any>;

/**
 * A root type as the transactions know it: an update can reach a root before anything asked
 * for it by its type, and Yjs then records the change on a placeholder that `getMap` and
 * `getXmlFragment` replace later. Both count.
 */
function sharedAs(doc: Y.Doc, name: string, typed: () => Shared): Shared[] {
  const placeholder = doc.share.get(name);
  const type = typed();
  return placeholder && placeholder !== type ? [placeholder, type] : [type];
}

const changed = (tr: Y.Transaction, roots: readonly Shared[]) =>
  roots.some((root) => tr.changedParentTypes.has(root) || tr.changed.has(root));
