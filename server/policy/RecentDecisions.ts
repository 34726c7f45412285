import { suggestionContents } from "../../shared/suggestions/canonical.ts";
import type { RegionChange, Restorable } from "../../shared/suggestions/rules.ts";

/** How long an accept or reject can be undone: the undo of the editor that made it, not a later restore. */
export const UNDO_WINDOW_MS = 10 * 60_000;
/** Per person, so an accept-all of a long document stays undoable while memory stays bounded. */
export const MAX_DECISIONS_PER_USER = 2_000;
/**
 * And at most this much suggested text per person (UTF-16 units of the recorded contents): an
 * editor could otherwise make and withdraw one huge suggestion after another and have the room
 * keep every one of them in memory for the undo window.
 */
export const MAX_CHARS_PER_USER = 2_000_000;

interface Decision {
  content: string;
  at: number;
}

const NOTHING: Restorable = new Map<string, string>();

/**
 * The suggestions each person of one room accepted or rejected lately, as they were. Undoing
 * an accept re-creates a suggestion in its author's name, which the attribution rule refuses
 * from anyone else; this record lets exactly that suggestion (same id, same text, same
 * marks) come back, from the person who decided it, within `UNDO_WINDOW_MS`. Kept in the
 * room's memory: the undo comes over the connection the decision came over.
 */
export class RecentDecisions {
  /** Per person, oldest first (a Map keeps insertion order; a decision made again moves to the end). */
  private readonly byUser = new Map<string, Map<string, Decision>>();

  constructor(
    private readonly windowMs = UNDO_WINDOW_MS,
    private readonly maxPerUser = MAX_DECISIONS_PER_USER,
    private readonly maxChars = MAX_CHARS_PER_USER,
  ) {}

  /** What `userId` may bring back at `now`; a view, not a copy (judged on every update of an editor). */
  restorableBy(userId: string, now: number): Restorable {
    const decisions = this.byUser.get(userId);
    if (!decisions) return NOTHING;
    return {
      size: decisions.size,
      get: (id) => {
        const decision = decisions.get(id);
        return decision && now - decision.at <= this.windowMs ? decision.content : undefined;
      },
    };
  }

  /**
   * Takes an accepted change by `userId` into the record: suggestions that were in the
   * region before and are gone after were decided (accepted, rejected or withdrawn) by
   * them; suggestions that came back are no longer restorable. Expired decisions go.
   */
  record(userId: string, change: RegionChange, now: number): void {
    const before = suggestionContents(change.before);
    const after = suggestionContents(change.after);
    const decisions = this.byUser.get(userId) ?? new Map<string, Decision>();
    for (const id of after.keys()) decisions.delete(id);
    for (const [id, content] of before) {
      if (after.has(id)) continue;
      decisions.delete(id);
      decisions.set(id, { content, at: now });
    }
    let chars = 0;
    for (const decision of decisions.values()) chars += decision.content.length;
    for (const [id, decision] of decisions) {
      if (decisions.size <= this.maxPerUser && chars <= this.maxChars && now - decision.at <= this.windowMs) break;
      decisions.delete(id);
      chars -= decision.content.length;
    }
    if (decisions.size > 0) this.byUser.set(userId, decisions);
    else this.byUser.delete(userId);
  }
}
