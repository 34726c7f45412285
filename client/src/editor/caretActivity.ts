import type { Awareness } from "y-protocols/awareness";

/** How long a caret's label stays after its user's last move. */
export const LABEL_VISIBLE_MS = 3000;

export interface CaretActivity {
  /** Milliseconds since the user last moved their caret (0 if not seen yet: a new caret shows). */
  sinceMove: (userId: string) => number;
}

const byAwareness = new WeakMap<Awareness, CaretActivity>();

/**
 * When each user last moved their caret, from the awareness states' `cursor` fields. The
 * caret plugin redraws all carets on anyone's change, so a new label starts faded or not
 * from this time rather than from the element's age. Must be created before the caret plugin
 * subscribes (editorExtensions does), so a move is recorded before the redraw it causes.
 * `on.move` is told of each move and `on.idle` when a user has not moved for LABEL_VISIBLE_MS:
 * a moved caret may keep its element, so the labels in the page are updated (renderCaret.ts).
 */
export function caretActivity(
  awareness: Awareness,
  on: { move: (userId: string) => void; idle: (userId: string) => void },
): CaretActivity {
  const known = byAwareness.get(awareness);
  if (known) return known;
  const cursors = new Map<number, string>();
  const moved = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  awareness.on("change", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const clientId of [...added, ...updated]) {
      const state = awareness.getStates().get(clientId) as { cursor?: unknown; user?: { id?: unknown } } | undefined;
      const cursor = JSON.stringify(state?.cursor ?? null);
      if (cursors.get(clientId) === cursor) continue;
      cursors.set(clientId, cursor);
      const userId = state?.user?.id;
      if (typeof userId !== "string") continue;
      moved.set(userId, Date.now());
      on.move(userId);
      clearTimeout(timers.get(userId));
      timers.set(
        userId,
        setTimeout(() => on.idle(userId), LABEL_VISIBLE_MS),
      );
    }
    for (const clientId of removed) cursors.delete(clientId);
  });
  const activity: CaretActivity = {
    sinceMove: (userId) => {
      const at = moved.get(userId);
      return at === undefined ? 0 : Date.now() - at;
    },
  };
  byAwareness.set(awareness, activity);
  return activity;
}
