import * as Y from "yjs";
import { commentsOf } from "../../shared/comments/model.ts";
import type { Actor, AuditNote, Validator } from "./Change.ts";
import { applyAndObserve } from "./observeChange.ts";
import { commentRule } from "./rules/commentRule.ts";
import { contentSafetyRule } from "./rules/contentSafetyRule.ts";
import { roleRule } from "./rules/roleRule.ts";

/** The validators every update passes, in order; later issues append theirs. */
export const DEFAULT_VALIDATORS: readonly Validator[] = [roleRule, contentSafetyRule, commentRule];

export type Verdict = { ok: true; audit: AuditNote[] } | { ok: false; reason: string };

/**
 * Decides whether a connection may make a change, before the live doc sees it. Keeps a
 * shadow Y.Doc equal to the live one: each update is applied to the shadow first and
 * judged on what it changed there. Accepted: the caller applies the same update to the
 * live doc, and both are equal again. Refused or failed: the shadow is rebuilt from the
 * live doc, which never saw the update.
 */
export class UpdatePolicy {
  private shadow: Y.Doc;
  /** Comment threads as JSON, as of the live doc; the "before" of the next change. */
  private threads: Record<string, unknown>;

  constructor(
    private readonly live: Y.Doc,
    private readonly validators: readonly Validator[] = DEFAULT_VALIDATORS,
  ) {
    this.shadow = copyOf(live);
    this.threads = commentsOf(this.shadow).toJSON();
  }

  /** Judges `update` by `actor`. Throws (after rebuilding the shadow) if the update fails to integrate. */
  evaluate(actor: Actor, update: Uint8Array): Verdict {
    let change: ReturnType<typeof applyAndObserve>;
    try {
      change = applyAndObserve(this.shadow, update, this.threads);
    } catch (err) {
      this.rebuild();
      throw err;
    }
    const audit: AuditNote[] = [];
    for (const validator of this.validators) {
      const judgement = validator(actor, change);
      if (judgement.refuse) {
        this.rebuild();
        return { ok: false, reason: judgement.refuse };
      }
      audit.push(...(judgement.audit ?? []));
    }
    for (const { id, after } of change.threads) {
      if (after === undefined) delete this.threads[id];
      else this.threads[id] = after;
    }
    return { ok: true, audit };
  }

  destroy(): void {
    this.shadow.destroy();
  }

  private rebuild(): void {
    this.shadow.destroy();
    this.shadow = copyOf(this.live);
    this.threads = commentsOf(this.shadow).toJSON();
  }
}

/** A doc with the same state as `doc`, including what waits for missing dependencies. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const pending = doc.store.pendingStructs?.update;
  if (pending) Y.applyUpdate(copy, pending);
  if (doc.store.pendingDs) Y.applyUpdate(copy, doc.store.pendingDs);
  return copy;
}
