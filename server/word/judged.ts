import * as Y from "yjs";
import type { Actor, DocumentContext } from "../policy/Change.ts";
import { UpdatePolicy } from "../policy/UpdatePolicy.ts";
import { notSuggestions } from "./importErrors.ts";

/**
 * Judges `changes` (Yjs updates of content and threads, in order) by the update policy as
 * `actor`'s own updates to a document in state `doc`, as the server judges raw updates:
 * content safety, threads, suggestion rule. Throws (409 `word_not_suggestions`) on a
 * refusal; `doc` is not touched (the policy judges on a copy).
 */
export function judge(
  doc: Y.Doc,
  actor: Actor,
  changes: readonly Uint8Array[],
  context: Omit<DocumentContext, "now">,
): void {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const policy = new UpdatePolicy(copy);
    for (const change of changes) {
      const verdict = policy.evaluate(actor, change, { ...context, now: Date.now() });
      if (!verdict.ok) throw notSuggestions(verdict.reason);
      Y.applyUpdate(copy, change);
    }
  } finally {
    copy.destroy();
  }
}
