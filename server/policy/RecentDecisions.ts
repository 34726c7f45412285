import { suggestionContents } from "../../shared/suggestions/canonical.ts";
import type { RegionChange, Restorable } from "../../shared/suggestions/rules.ts";

/** How long an accept or reject can be undone: the undo of the editor that made it, not a later restore. */
export const UNDO_WINDOW_MS = 10 * 60_000;
/** Per person, so an accept-all of a long document stays undoable while memory stays bounded. */
export const MAX_DECISIONS_PER_USER = 2_000;

interface Decision {
  content: string;
  at: number;
}

/**
 * The suggestions each person of one room accepted or rejected lately, as they were. Undoing
 * an accept re-creates a suggestion in its author's name, which the attribution rule refuses
 * from anyone else; this record lets exactly that suggestion (same id, same text, same
 * marks) come back, from the person who decided it, within `UNDO_WINDOW_MS`. Kept in the
 * room's memory: the undo comes over the connection the decision came over.
 */
export class RecentDecisions {
  private readonly byUser = new Map<string, Map<string, Decision>>();

  constructor(
    private readonly windowMs = UNDO_WINDOW_MS,
    private readonly maxPerUser = MAX_DECISIONS_PER_USER,
  ) {}

  /** What `userId` may bring back now (expired decisions are forgotten). */
  restorableBy(userId: string, now: number): Restorable {
    const decisions = this.byUser.get(userId);
    if (!decisions) return new Map();
    const out = new Map<string, string>();
    for (const [id, decision] of decisions) {
      if (now - decision.at > this.windowMs) decisions.delete(id);
      else out.set(id, decision.content);
    }
    if (decisions.size === 0) this.byUser.delete(userId);
    return out;
  }

  /**
   * Takes an accepted change by `userId` into the record: suggestions that were in the
   * region before and are gone after were decided (accepted, rejected or withdrawn) by
   * them; suggestions that came back are no longer restorable.
   */
  record(userId: string, change: RegionChange, now: number): void {
    const before = suggestionContents(change.before);
    const after = suggestionContents(change.after);
    let decisions = this.byUser.get(userId);
    if (decisions) for (const id of after.keys()) decisions.delete(id);
    for (const [id, content] of before) {
      if (after.has(id)) continue;
      if (!decisions) {
        decisions = new Map();
        this.byUser.set(userId, decisions);
      }
      decisions.delete(id);
      decisions.set(id, { content, at: now });
      // Oldest first: a Map keeps insertion order.
      if (decisions.size > this.maxPerUser) decisions.delete(decisions.keys().next().value as string);
    }
  }
}
