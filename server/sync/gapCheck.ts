import type { Logger } from "../log.ts";
import type { Room } from "./Room.ts";
import type { UpdateLog } from "./UpdateLog.ts";

/**
 * The safety net for a relay message lost without a reconnect: every `ms`, each open room
 * with connections compares how far it is complete with the store's last sequence number,
 * and catches up if it is behind. Returns the way to stop.
 */
export function startGapChecks(
  rooms: () => Iterable<Room>,
  updates: Pick<UpdateLog, "lastSeqOf">,
  log: Logger,
  ms: number,
): () => void {
  const check = async () => {
    for (const room of rooms()) {
      if (room.size === 0) continue;
      try {
        if ((await updates.lastSeqOf(room.documentId)) > room.follower.completeUpTo) await room.follower.catchUp();
      } catch (err) {
        log.warn("gap check failed", { documentId: room.documentId, error: String(err) });
      }
    }
  };
  const timer = setInterval(() => void check(), ms);
  timer.unref();
  return () => clearInterval(timer);
}
