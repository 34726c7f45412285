import { syncStep2OfUpdate } from "./messages.ts";
import { wholeStateVector } from "./stateScan.ts";
import type { StoredState } from "./UpdateLog.ts";

/** The document's whole stored state as one update, and the state vector it brings a client to. */
export interface StoredAnswer {
  update: Uint8Array;
  stateVector: Map<number, number>;
}

/**
 * The stored state as a first sync step 2, when it may be sent before the live doc is
 * built: one piece (a snapshot, or a single update and no snapshot; merging would cost what
 * building saves) that passes, on the bytes, the checks `loadDoc` makes (`wholeStateVector`).
 * Null otherwise: then the caller waits for the live doc, whose load refuses damaged data
 * with 4500 before anything is sent.
 */
export function storedAnswer(state: StoredState): StoredAnswer | null {
  const pieces = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
  const update = pieces.length === 1 ? pieces[0] : undefined;
  const stateVector = update ? wholeStateVector(update) : null;
  return update && stateVector ? { update, stateVector } : null;
}

/**
 * Each stored state is scanned once, however many connections wait on its cold load (up to
 * the connection limits, each would otherwise scan it again, in one turn, before the load).
 * The answer and its frame are only read (never changed), so all of them share them.
 */
const answers = new WeakMap<StoredState, (StoredAnswer & { frame: Uint8Array }) | null>();

function storedAnswerOnce(state: StoredState): (StoredAnswer & { frame: Uint8Array }) | null {
  let answer = answers.get(state);
  if (answer === undefined) {
    const found = storedAnswer(state);
    answer = found ? { ...found, frame: syncStep2OfUpdate(found.update) } : null;
    answers.set(state, answer);
  }
  return answer;
}

/**
 * Answers a connection from the store while its room is still building (cold load): once
 * the state is read, and `mayRead` (the membership, read again now) allows it, sends the
 * stored state as sync step 2, which a client takes as "synced". Returns the state vector
 * sent, which the room must count as known to that client (`Room.join`), or null if
 * nothing was sent. A failed read is the room load's to report.
 */
export async function answerFromStore(
  stored: Promise<StoredState | null> | null,
  mayRead: () => Promise<boolean>,
  send: (frame: Uint8Array) => boolean,
): Promise<Map<number, number> | null> {
  const state = stored ? await stored : null;
  const answer = state ? storedAnswerOnce(state) : null;
  if (!answer || !(await mayRead())) return null;
  return send(answer.frame) ? answer.stateVector : null;
}
