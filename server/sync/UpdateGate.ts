import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import type { AuditNote, Validator } from "../policy/Change.ts";
import { UpdatePolicy, type Verdict } from "../policy/UpdatePolicy.ts";
import { Connection } from "./Connection.ts";
import { permissionDeniedMessage } from "./messages.ts";
import { LOAD_ORIGIN, REMOTE_ORIGIN } from "./origins.ts";
import { ProtocolError, reasonWith } from "./ProtocolError.ts";
import type { DocumentFlags } from "./SyncPorts.ts";
import { ServerChange } from "./serverChange.ts";
import { checkUpdate } from "./updateCheck.ts";

/** An update the live doc took that must be committed, and sent to every connection but `from`. */
export interface Accepted {
  update: Uint8Array;
  /** The connection whose own transaction it is (it has it already), or null. */
  from: Connection | null;
  userId: string | null;
  /** The policy saw it change comment threads only (the locked log still stores it). */
  commentsOnly: boolean;
}

/** What the gate hands back to its room. */
export interface GateOutlets {
  accepted(accepted: Accepted): void;
  /** Stored elsewhere already (relayed from another instance): sent to every connection here. */
  relayed(update: Uint8Array): void;
  refused(conn: Connection, reason: string): void;
  audit(conn: Connection, note: AuditNote): void;
  /** The live doc may hold part of an update that will never be stored: the room must reload. */
  broken(): void;
}

/**
 * The one way into a room's live doc. A client's update is decoded, judged by the policy
 * (the only gate) and applied so that a partial apply commits and sends nothing; relayed
 * updates and the server's own changes pass unjudged, and the policy's shadow follows them.
 */
export class UpdateGate {
  private readonly policy: UpdatePolicy;
  /** While a client update is being applied, the updates Yjs emits for it are held here. */
  private held: { update: Uint8Array; origin: unknown }[] | null = null;

  constructor(
    private readonly documentId: string,
    private readonly doc: Y.Doc,
    private readonly log: Logger,
    private readonly outlets: GateOutlets,
    validators?: readonly Validator[],
  ) {
    this.policy = new UpdatePolicy(doc, validators);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
  }

  /** A client's update (sync step 2 or update). Throws ProtocolError (4400) if it does not decode. */
  receive(conn: Connection, update: Uint8Array, flags: DocumentFlags): void {
    const decoded = checkUpdate(update);
    // Sync step 2 of a client with nothing new is an empty update; not a change, for any role.
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    const verdict = this.judge(conn, update, decoded, flags);
    if (!verdict.ok) {
      if (verdict.missingDependencies) this.resync(conn, verdict.reason);
      else this.refuse(conn, verdict.reason);
      return;
    }
    // An update can decode cleanly and still throw half-way through integration, after
    // Yjs has already emitted the part it applied. Hold what it emits until the apply
    // has returned, so a failed apply commits and sends nothing.
    this.held = [];
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.held = null;
      this.reload(conn, err);
      return;
    }
    const emitted = this.held;
    this.held = null;
    // Only the client's own transaction is echo-free; a transaction Yjs adds after it
    // (formatting cleanup, in the server's name) is news to the sender as well.
    // The policy saw what the update changes on the shadow: a comment-only one is stored even
    // while the document is locked (the lock rule refused any content change already).
    const commentsOnly = !verdict.contentChanged;
    for (const u of emitted) {
      this.outlets.accepted({
        update: u.update,
        from: u.origin === conn ? conn : null,
        userId: conn.user.id,
        commentsOnly,
      });
    }
    for (const note of verdict.audit) this.outlets.audit(conn, note);
  }

  destroy(): void {
    this.policy.destroy();
  }

  /** The policy's verdict. An update that breaks the shadow is a bad message. */
  private judge(
    conn: Connection,
    update: Uint8Array,
    decoded: ReturnType<typeof Y.decodeUpdate>,
    flags: DocumentFlags,
  ): Verdict {
    try {
      return this.policy.evaluate({ user: conn.user, role: conn.role }, update, { ...flags, now: Date.now() }, decoded);
    } catch (err) {
      throw new ProtocolError(CloseCode.BadMessage, `update does not integrate: ${(err as Error).message}`);
    }
  }

  /**
   * Refuses an update that would wait for clocks the document does not have: nothing ever
   * waits in a room. The connection is closed with a code on which clients reconnect
   * keeping their copy (stock y-websocket too: 45xx is "try again"); an honest client then
   * answers the server's sync step 1 with everything the server lacks, dependencies first.
   */
  private resync(conn: Connection, reason: string): void {
    this.log.warn("update with missing dependencies refused", {
      documentId: this.documentId,
      userId: conn.user.id,
      reason,
    });
    conn.close(CloseCode.MissingDependencies, reasonWith(CloseCode.MissingDependencies, reason));
  }

  /**
   * Refuses a change: the client learns why (y-protocols auth "permission denied"), the
   * refusal is audited, and the connection is reset, because Yjs clocks are contiguous
   * per client and every later update of that client would wait for the refused one.
   */
  private refuse(conn: Connection, reason: string): void {
    this.log.warn("update refused", { documentId: this.documentId, userId: conn.user.id, role: conn.role, reason });
    conn.send(permissionDeniedMessage(reason));
    this.outlets.refused(conn, reason);
    conn.close(CloseCode.UpdateRefused, reasonWith(CloseCode.UpdateRefused, reason));
  }

  /** The sender is closed with 4400; the room drops its live doc (the store's state is whole). */
  private reload(offender: Connection, error: unknown): void {
    this.log.warn("update failed to integrate; reloading room", {
      documentId: this.documentId,
      userId: offender.user.id,
      error: error instanceof Error ? error.message : String(error),
    });
    offender.close(CloseCode.BadMessage, reasonWith(CloseCode.BadMessage, "update does not integrate"));
    this.outlets.broken();
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD_ORIGIN) return;
    if (origin === REMOTE_ORIGIN) {
      // Stored by another instance already: the policy's shadow follows, peers here get it.
      this.policy.follow(update);
      this.outlets.relayed(update);
      return;
    }
    if (origin instanceof ServerChange) {
      this.policy.follow(update);
      this.outlets.accepted({ update, from: null, userId: origin.userId, commentsOnly: false });
      return;
    }
    if (this.held) this.held.push({ update, origin });
    else {
      const from = origin instanceof Connection ? origin : null;
      this.outlets.accepted({ update, from, userId: from?.user.id ?? null, commentsOnly: false });
    }
  }
}
