import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { CaretUser } from "./CaretUser.ts";

/** One person in the document, as the presence list shows them. */
export interface PresenceEntry extends CaretUser {
  /** True for the signed-in user of this page. */
  self: boolean;
}

/**
 * The people connected to the document, from the awareness states: one entry per user
 * (several tabs of one person count once), the signed-in user first, then by name.
 * States that do not parse as a CaretUser are left out.
 */
export function usePresence(awareness: Awareness): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>(() => presenceOf(awareness));

  useEffect(() => {
    // Awareness changes on every remote caret move; re-render only when the people change.
    const onChange = () => setEntries((prev) => samePresence(prev, presenceOf(awareness)));
    onChange();
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [awareness]);

  return entries;
}

function presenceOf(awareness: Awareness): PresenceEntry[] {
  const selfUser = CaretUser.safeParse(awareness.getLocalState()?.user);
  const selfId = selfUser.success ? selfUser.data.id : null;
  const byUser = new Map<string, PresenceEntry>();
  for (const state of awareness.getStates().values()) {
    const parsed = CaretUser.safeParse(state.user);
    if (!parsed.success || byUser.has(parsed.data.id)) continue;
    byUser.set(parsed.data.id, { ...parsed.data, self: parsed.data.id === selfId });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

function samePresence(prev: PresenceEntry[], next: PresenceEntry[]): PresenceEntry[] {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
