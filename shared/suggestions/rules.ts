import { suggestionContents, suggestionTexts, withoutSuggestions } from "./canonical.ts";
import { parseSuggestionId, type SuggestionAuthor } from "./ids.ts";
import type { Piece } from "./linear.ts";

/** The part of a document an update touched, before and after, flattened. */
export interface RegionChange {
  before: readonly Piece[];
  after: readonly Piece[];
}

/** How far a suggestion's time may lie ahead of the judge's clock. */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The suggester rule: the change must read the same once the actor's own suggestions are
 * withdrawn, before and after. That allows adding and withdrawing one's own insertions and
 * deletion marks, and nothing else: no direct edit, no accepting or rejecting anyone's
 * suggestion, no changing another's. Returns the reason for refusal, or null.
 */
export function suggestOnlyViolation(change: RegionChange, actor: SuggestionAuthor, now: number): string | null {
  const own = (id: string) => parseSuggestionId(id)?.userId === actor.userId;
  if (withoutSuggestions(change.before, own) !== withoutSuggestions(change.after, own)) {
    return "a suggester can only add or withdraw their own suggestions";
  }
  return attributionViolation(change, actor, now);
}

/**
 * Suggestions a person may bring back under someone else's name: those they themselves
 * accepted or rejected a moment ago (undo), each exactly as it was (id → its
 * `suggestionContents`).
 */
export interface Restorable {
  readonly size: number;
  get(id: string): string | undefined;
}

const NOTHING_RESTORABLE: Restorable = new Map<string, string>();

/**
 * Every suggestion the change adds must carry the actor's own id, organisation and a
 * plausible time, unless it is one the actor decided lately and it comes back unchanged
 * (`restorable`: undoing an accept or reject re-creates the other party's suggestion).
 */
export function attributionViolation(
  change: RegionChange,
  actor: SuggestionAuthor,
  now: number,
  restorable: Restorable = NOTHING_RESTORABLE,
): string | null {
  const existing = suggestionTexts(change.before);
  const after = restorable.size > 0 ? suggestionContents(change.after) : null;
  for (const id of suggestionTexts(change.after).keys()) {
    if (existing.has(id)) continue;
    if (after && restorable.get(id) === after.get(id)) continue;
    const origin = parseSuggestionId(id);
    if (!origin) return "a suggestion needs an id made by Accord";
    if (origin.userId !== actor.userId || origin.orgId !== actor.orgId) {
      return "a suggestion can only be made in one's own name";
    }
    if (origin.at > now + MAX_CLOCK_SKEW_MS) return "a suggestion cannot be dated in the future";
  }
  return null;
}

/**
 * Cross-party acceptance: a suggestion is accepted only by a party other than the
 * suggester's, that is by a member of an organisation that is one of the document's
 * `parties` and not the suggester's. Anyone may reject or withdraw. The suggestions the
 * change touched that the actor may not accept are withdrawn on both sides; if the texts
 * then differ, one of them was accepted (or edited around).
 */
export function crossPartyViolation(
  change: RegionChange,
  actor: SuggestionAuthor,
  parties: readonly string[],
): string | null {
  const before = suggestionTexts(change.before);
  const after = suggestionTexts(change.after);
  // A member of an organisation that is no party (an editor invited from elsewhere) accepts nothing.
  const actorIsParty = parties.includes(actor.orgId);
  const guarded = new Set<string>();
  for (const [id, text] of before) {
    if (after.get(id) === text) continue;
    // The author's own suggestions too: withdrawing one passes (it reads as a rejection).
    if (!actorIsParty || parseSuggestionId(id)?.orgId === actor.orgId) guarded.add(id);
  }
  if (guarded.size === 0) return null;
  const isGuarded = (id: string) => guarded.has(id);
  if (withoutSuggestions(change.before, isGuarded) !== withoutSuggestions(change.after, isGuarded)) {
    return actorIsParty
      ? "a suggestion can only be accepted by the other party"
      : "only a party of the document can accept a suggestion";
  }
  return null;
}
