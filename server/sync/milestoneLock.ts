import type * as Y from "yjs";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import type { GroupCommit } from "./GroupCommit.ts";
import type { Room } from "./Room.ts";
import type { UpdateLog } from "./UpdateLog.ts";

export interface MilestoneLockDeps {
  commit: GroupCommit;
  updates: Pick<UpdateLog, "setDocumentLock">;
  /** Tells the other instances that the document's settings (its lock) changed. */
  announce(documentId: string): void;
  log: Logger;
}

/**
 * Locks the room against content changes, commits what was accepted before, and runs
 * `work` on the live doc, whose content no update can change meanwhile (comments still
 * arrive: `work` must read what it freezes in one synchronous step). If `work` fails the
 * lock is lifted; if it succeeds the lock stays (the store now says it is locked) and
 * every connection is renewed so that clients learn it.
 */
export async function withLockedRoom<T>(
  room: Room,
  deps: MilestoneLockDeps,
  work: (doc: Y.Doc) => Promise<T>,
): Promise<T> {
  const { documentId } = room;
  const wasLocked = room.flags.locked;
  room.flags = { ...room.flags, locked: true };
  let logLocked = false;
  try {
    await deps.commit.flush();
    // Lock the log itself: no instance can store an update for this document from now on.
    // Then read what other instances stored before that, so the freeze sees all of it.
    await deps.updates.setDocumentLock(documentId, true);
    logLocked = true;
    await room.follower.catchUp();
    const result = await work(room.doc);
    room.closeAll(CloseCode.RenewConnection, closeReason[CloseCode.RenewConnection]);
    deps.announce(documentId);
    return result;
  } catch (err) {
    room.flags = { ...room.flags, locked: wasLocked };
    if (logLocked && !wasLocked) {
      // The freeze's own error is the one to report; a failed release is logged, not swallowed:
      // the log stays locked until the next milestone request clears it.
      await deps.updates
        .setDocumentLock(documentId, false)
        .catch((releaseError: unknown) =>
          deps.log.error("log lock not released after a failed freeze", { documentId, error: String(releaseError) }),
        );
    }
    throw err;
  }
}
