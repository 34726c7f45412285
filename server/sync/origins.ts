/**
 * Yjs transaction origins that tell the room where a change came from, and so what it owes
 * it: a connection (the `Connection` itself) is judged, committed and sent on; these are not.
 */

/** Loading stored state: already in the log, not persisted again. */
export const LOAD_ORIGIN = Symbol("load");

/** An update or awareness change relayed from another instance: already stored, not sent on. */
export const REMOTE_ORIGIN = Symbol("remote");
