import * as Y from "yjs";
import { commentsOf } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import type { Actor, AuditNote, DocumentContext, Validator } from "./Change.ts";
import { ContentBlocks } from "./contentBlocks.ts";
import { applyAndObserve } from "./observeChange.ts";
import { commentRule } from "./rules/commentRule.ts";
import { contentSafetyRule } from "./rules/contentSafetyRule.ts";
import { lockRule } from "./rules/lockRule.ts";
import { roleRule } from "./rules/roleRule.ts";
import { suggestionRule } from "./rules/suggestionRule.ts";

/** The validators every update passes, in order; later issues append theirs. */
export const DEFAULT_VALIDATORS: readonly Validator[] = [
  roleRule,
  lockRule,
  contentSafetyRule,
  commentRule,
  suggestionRule,
];

const DEFAULT_CONTEXT = (): DocumentContext => ({ crossPartyAcceptance: false, locked: false, now: Date.now() });

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
  /** The content's top-level blocks as of the live doc; the "before" of the next content change. */
  private blocks: ContentBlocks;

  constructor(
    private readonly live: Y.Doc,
    private readonly validators: readonly Validator[] = DEFAULT_VALIDATORS,
  ) {
    this.shadow = copyOf(live);
    this.threads = commentsOf(this.shadow).toJSON();
    this.blocks = new ContentBlocks(this.shadow.getXmlFragment(CONTENT_FIELD));
  }

  /** Judges `update` by `actor`. Throws (after rebuilding the shadow) if the update fails to integrate. */
  evaluate(actor: Actor, update: Uint8Array, context: DocumentContext = DEFAULT_CONTEXT()): Verdict {
    let change: ReturnType<typeof applyAndObserve>;
    try {
      change = applyAndObserve(this.shadow, update, this.threads, this.blocks);
    } catch (err) {
      this.rebuild();
      throw err;
    }
    const audit: AuditNote[] = [];
    for (const validator of this.validators) {
      const judgement = validator(actor, change, context);
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
    if (change.contentChanged) this.blocks.commit(change.touchedBlocks);
    return { ok: true, audit };
  }

  /**
   * Brings the shadow along with an update the server itself made (restoring a version),
   * which no validator judges. Throws (after rebuilding) if it does not integrate.
   */
  follow(update: Uint8Array): void {
    try {
      const change = applyAndObserve(this.shadow, update, this.threads, this.blocks);
      for (const { id, after } of change.threads) {
        if (after === undefined) delete this.threads[id];
        else this.threads[id] = after;
      }
      if (change.contentChanged) this.blocks.commit(change.touchedBlocks);
    } catch (err) {
      this.rebuild();
      throw err;
    }
  }

  destroy(): void {
    this.shadow.destroy();
  }

  private rebuild(): void {
    this.shadow.destroy();
    this.shadow = copyOf(this.live);
    this.threads = commentsOf(this.shadow).toJSON();
    this.blocks = new ContentBlocks(this.shadow.getXmlFragment(CONTENT_FIELD));
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
