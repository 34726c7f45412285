import type * as Y from "yjs";

/** Origin of a change the server makes itself, in someone's name: committed and sent, not judged. */
export class ServerChange {
  constructor(readonly userId: string) {}
}

/**
 * Makes `change` in the live doc (restoring a version's text) in the name of `userId`; the
 * room commits and sends it like a client's update, without asking the policy.
 */
export function applyServerChange(doc: Y.Doc, userId: string, change: (doc: Y.Doc) => void): void {
  doc.transact(() => change(doc), new ServerChange(userId));
}
