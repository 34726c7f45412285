import * as Y from "yjs";
import { commentsOf } from "../../shared/comments/model.ts";
import { canEditContent } from "../../shared/roles.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import type { Actor, AuditNote, DocumentContext, Validator } from "./Change.ts";
import { ContentBlocks } from "./contentBlocks.ts";
import { missingDependency } from "./missingDependency.ts";
import { applyAndObserve } from "./observeChange.ts";
import { RecentDecisions } from "./RecentDecisions.ts";
import { reservedKeyProblem } from "./reservedKeys.ts";
import { commentRule } from "./rules/commentRule.ts";
import { contentSafetyRule } from "./rules/contentSafetyRule.ts";
import { finalRule } from "./rules/finalRule.ts";
import { gridRule } from "./rules/gridRule.ts";
import { lockRule } from "./rules/lockRule.ts";
import { refusedActor, roleRule } from "./rules/roleRule.ts";
import { suggestionRule } from "./rules/suggestionRule.ts";

/** The validators every update passes, in order; later issues append theirs. */
export const DEFAULT_VALIDATORS: readonly Validator[] = [
  roleRule,
  finalRule,
  lockRule,
  contentSafetyRule,
  gridRule,
  commentRule,
  suggestionRule,
];

const DEFAULT_CONTEXT = (): DocumentContext => ({
  crossPartyAcceptance: false,
  locked: false,
  final: false,
  parties: [],
  now: Date.now(),
});

/**
 * The policy's answer. Accepted: what to audit, and whether the content changed (the locked
 * log stores comment-only updates). Refused: why, and `missingDependencies` when the update
 * would wait for clocks the document does not have (the client resyncs, see `Room`).
 */
export type Verdict =
  | { ok: true; audit: AuditNote[]; contentChanged: boolean }
  | { ok: false; reason: string; missingDependencies?: true };

/**
 * Decides whether a connection may make a change, before the live doc sees it. Keeps a
 * shadow Y.Doc equal to the live one: each update is applied to the shadow first and
 * judged on what it changed there. Accepted: the caller applies the same update to the
 * live doc, and both are equal again. Refused or failed: the shadow is dropped and built
 * again from the live doc, which never saw the update, when the next update comes.
 */
export class UpdatePolicy {
  /**
   * The shadow with the threads and blocks as of the live doc, the "before" of the next
   * change; built on the first update to judge, not at load, so opening a document (and
   * serving readers) pays for one copy of it, not two. Dropped after a refusal or failure.
   */
  private judged: { shadow: Y.Doc; threads: Record<string, unknown>; blocks: ContentBlocks } | null = null;
  /** Who accepted or rejected which suggestion lately, so their undo may bring it back. */
  private readonly decisions = new RecentDecisions();

  constructor(
    private readonly live: Y.Doc,
    private readonly validators: readonly Validator[] = DEFAULT_VALIDATORS,
  ) {}

  /**
   * Judges `update` by `actor`: the room's only gate. In order of cost: the actor (a viewer
   * changes nothing), the cheap check that it would not wait for clocks the live doc lacks,
   * then the shadow and the validators. `decoded` is the update as the caller decoded it
   * already. Throws (after dropping the shadow) if the update fails to integrate.
   */
  evaluate(
    actor: Actor,
    update: Uint8Array,
    context: DocumentContext = DEFAULT_CONTEXT(),
    decoded: ReturnType<typeof Y.decodeUpdate> = Y.decodeUpdate(update),
  ): Verdict {
    const refused = refusedActor(actor);
    if (refused) return { ok: false, reason: refused };
    // Before the shadow: what a key `__proto__` hides, no rule after this could see.
    const reserved = reservedKeyProblem(decoded);
    if (reserved) return { ok: false, reason: reserved };
    const missing = missingDependency(decoded, (client) => Y.getState(this.live.store, client));
    if (missing) return { ok: false, reason: missing, missingDependencies: true };
    const judged = this.ensureShadow();
    let change: ReturnType<typeof applyAndObserve>;
    try {
      change = applyAndObserve(judged.shadow, update, judged.threads, judged.blocks);
    } catch (err) {
      this.dropShadow();
      throw err;
    }
    // Nothing may wait for missing dependencies, whoever sends it: a waiting struct would
    // integrate inside the update of whoever sends that clock next and count as theirs.
    // The shadow held nothing pending before, so anything pending now is this update's.
    if (judged.shadow.store.pendingStructs || judged.shadow.store.pendingDs) {
      this.dropShadow();
      return { ok: false, reason: "the update depends on changes the server does not have", missingDependencies: true };
    }
    const audit: AuditNote[] = [];
    const decides = change.contentChanged && canEditContent(actor.role);
    // What a client claims is never read: the record is the policy's own.
    const judgedActor: Actor = {
      user: actor.user,
      role: actor.role,
      restorable: decides ? this.decisions.restorableBy(actor.user.id, context.now) : undefined,
    };
    for (const validator of this.validators) {
      const judgement = validator(judgedActor, change, context);
      if (judgement.refuse) {
        this.dropShadow();
        return { ok: false, reason: judgement.refuse };
      }
      audit.push(...(judgement.audit ?? []));
    }
    if (decides) this.decisions.record(actor.user.id, change.region(), context.now);
    commitChange(judged, change);
    return { ok: true, audit, contentChanged: change.contentChanged };
  }

  /**
   * Brings the shadow along with an update the live doc took without judgement (from
   * another instance, or a version restored). Throws (after dropping the shadow) if it does
   * not integrate. Without a shadow there is nothing to follow: it is built from the live doc.
   */
  follow(update: Uint8Array): void {
    if (!this.judged) return;
    try {
      commitChange(this.judged, applyAndObserve(this.judged.shadow, update, this.judged.threads, this.judged.blocks));
    } catch (err) {
      this.dropShadow();
      throw err;
    }
  }

  destroy(): void {
    this.dropShadow();
  }

  private ensureShadow(): NonNullable<UpdatePolicy["judged"]> {
    if (!this.judged) {
      const shadow = copyOf(this.live);
      this.judged = {
        shadow,
        threads: commentsOf(shadow).toJSON(),
        blocks: new ContentBlocks(shadow.getXmlFragment(CONTENT_FIELD)),
      };
    }
    return this.judged;
  }

  private dropShadow(): void {
    this.judged?.shadow.destroy();
    this.judged = null;
  }
}

/** Takes an accepted change into the "before" of the next one. */
function commitChange(
  judged: { threads: Record<string, unknown>; blocks: ContentBlocks },
  change: ReturnType<typeof applyAndObserve>,
): void {
  for (const { id, after } of change.threads) {
    if (after === undefined) delete judged.threads[id];
    else judged.threads[id] = after;
  }
  if (change.contentChanged) judged.blocks.commit(change.touchedBlocks, change.blocksAddedOrRemoved);
}

/**
 * A doc with the same state as `doc` (Yjs encodes what waits for missing dependencies too;
 * in a room nothing does, since no update that would wait is applied).
 */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
