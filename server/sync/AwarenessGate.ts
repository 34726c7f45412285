import * as awarenessProtocol from "y-protocols/awareness";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import { type AwarenessEntry, readAwarenessEntries, writeStampedUpdate } from "./awarenessIdentity.ts";
import { Connection } from "./Connection.ts";
import { reasonWith } from "./ProtocolError.ts";

/** What one connection may put into a room's awareness (PROTOCOL.md, "Awareness"). */
export interface AwarenessLimits {
  /** Largest state, as JSON bytes: a caret with its selection needs well under 1 KiB. */
  maxStateBytes: number;
  /** Client ids one connection may register over its life (one per tab is normal). */
  maxIds: number;
  /** Own awareness messages (and queries) per second, with a burst as large. */
  perSecond: number;
}

/**
 * A viewer once parked 4 × 3.9 MiB states per connection (500 MB of server memory, a room
 * stock clients could no longer open); carets need far less, and far fewer than the
 * thousand updates a second a script can send.
 */
export const AWARENESS_LIMITS: AwarenessLimits = { maxStateBytes: 8 * 1024, maxIds: 4, perSecond: 20 };

/** A connection's part of the room's awareness. */
interface Registration {
  /** Every client id it registered; never shrinks while it is connected, so ids cannot be cycled. */
  ids: Set<number>;
  tokens: number;
  refilledAt: number;
  /** The newest entry per client id that arrived over the budget, applied when a token is free. */
  backlog: Map<number, AwarenessEntry>;
  timer: NodeJS.Timeout | null;
  warned: boolean;
}

/**
 * Decides which awareness entries of a connection reach the room, stamped with its
 * identity: a client id belongs to the connection that registered it first, for as long
 * as that connection is open (or until its state times out), so nobody, the same user's
 * other tabs included, can replace someone's caret; a state from another instance is
 * nobody's here to take. Oversize states are dropped; messages over the rate are
 * coalesced to the newest state per id, so peers still end up with the current caret.
 */
export class AwarenessGate {
  private readonly owners = new Map<number, Connection>();
  private readonly registrations = new Map<Connection, Registration>();

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly log: Logger,
    private readonly limits: AwarenessLimits = AWARENESS_LIMITS,
  ) {
    awareness.on("update", this.onUpdate);
  }

  /** An awareness message from `conn`. Throws on malformed input (the room closes with 4400). */
  receive(conn: Connection, payload: Uint8Array): void {
    const reg = this.registrationOf(conn);
    const entries = this.admissible(conn, reg, readAwarenessEntries(payload));
    if (entries.length === 0) return; // echoes of other clients' states, as stock clients send them
    if (this.takeToken(reg)) {
      this.apply(conn, entries);
      return;
    }
    // At most `maxIds` ids wait: a stream of fresh ids must not grow the backlog.
    for (const e of entries) {
      if (reg.backlog.has(e.clientId) || reg.backlog.size < this.limits.maxIds) reg.backlog.set(e.clientId, e);
    }
    this.warnOnce(conn, reg, "awareness over the rate; coalesced");
    if (!reg.timer) this.schedule(conn, reg);
  }

  /** Whether `conn` may have its awareness query answered now (it costs as much as an update). */
  mayQuery(conn: Connection): boolean {
    return this.takeToken(this.registrationOf(conn));
  }

  /** `conn` left: its states are removed and its ids free for others. */
  leave(conn: Connection): void {
    const reg = this.registrations.get(conn);
    if (!reg) return;
    if (reg.timer) clearTimeout(reg.timer);
    this.registrations.delete(conn);
    const own = [...reg.ids].filter((id) => this.owners.get(id) === conn);
    for (const id of own) this.owners.delete(id);
    if (own.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, own, null);
  }

  destroy(): void {
    for (const reg of this.registrations.values()) if (reg.timer) clearTimeout(reg.timer);
    this.registrations.clear();
    this.awareness.off("update", this.onUpdate);
  }

  /** The entries `conn` may write: its own ids, or free ones within its cap; states within size. */
  private admissible(conn: Connection, reg: Registration, entries: AwarenessEntry[]): AwarenessEntry[] {
    const kept: AwarenessEntry[] = [];
    const registering = new Set<number>();
    for (const e of entries) {
      if (e.state.byteLength > this.limits.maxStateBytes) {
        this.warnOnce(conn, reg, "oversize awareness state dropped");
        continue;
      }
      const owner = this.owners.get(e.clientId);
      if (owner !== conn) {
        if (owner?.isOpen) continue; // registered first by another connection
        if (!owner && this.awareness.getStates().has(e.clientId)) continue; // someone's on another instance
        if (isRemoval(e)) continue; // only the owner removes a state
        if (!reg.ids.has(e.clientId) && reg.ids.size + registering.size >= this.limits.maxIds) continue;
        registering.add(e.clientId);
      }
      kept.push(e);
    }
    return kept;
  }

  private apply(conn: Connection, entries: AwarenessEntry[]): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, writeStampedUpdate(entries, conn), conn);
  }

  /** Applies what waited for the budget, judged again: ownership may have changed meanwhile. */
  private flush(conn: Connection): void {
    const reg = this.registrations.get(conn);
    if (!reg || !conn.isOpen) return;
    reg.timer = null;
    if (!this.takeToken(reg)) {
      this.schedule(conn, reg);
      return;
    }
    const entries = this.admissible(conn, reg, [...reg.backlog.values()]);
    reg.backlog.clear();
    if (entries.length === 0) return;
    try {
      this.apply(conn, entries);
    } catch (err) {
      this.log.warn("bad awareness state", { userId: conn.user.id, error: String(err) });
      conn.close(CloseCode.BadMessage, reasonWith(CloseCode.BadMessage, "malformed awareness state"));
    }
  }

  /** Token bucket: `perSecond` tokens a second, at most `perSecond` saved up. */
  private takeToken(reg: Registration): boolean {
    const now = performance.now();
    const { perSecond } = this.limits;
    reg.tokens = Math.min(perSecond, reg.tokens + ((now - reg.refilledAt) * perSecond) / 1000);
    reg.refilledAt = now;
    if (reg.tokens < 1) return false;
    reg.tokens -= 1;
    return true;
  }

  /** Flushes the backlog as soon as the next token is there. */
  private schedule(conn: Connection, reg: Registration): void {
    const ms = Math.ceil(((1 - reg.tokens) * 1000) / this.limits.perSecond);
    reg.timer = setTimeout(() => this.flush(conn), ms);
    reg.timer.unref();
  }

  private registrationOf(conn: Connection): Registration {
    let reg = this.registrations.get(conn);
    if (!reg) {
      const tokens = this.limits.perSecond;
      reg = { ids: new Set(), tokens, refilledAt: performance.now(), backlog: new Map(), timer: null, warned: false };
      this.registrations.set(conn, reg);
    }
    return reg;
  }

  private warnOnce(conn: Connection, reg: Registration, message: string): void {
    if (reg.warned) return;
    reg.warned = true;
    this.log.warn(message, { userId: conn.user.id });
  }

  /** Registers what was applied; a state that timed out (a connection gone silent) frees its id. */
  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const reg = origin instanceof Connection ? this.registrations.get(origin) : undefined;
    if (origin instanceof Connection && reg) {
      for (const id of [...added, ...updated]) {
        this.owners.set(id, origin);
        reg.ids.add(id);
      }
    } else if (origin === "timeout") {
      for (const id of removed) this.owners.delete(id);
    }
  };
}

const NULL_STATE = new TextEncoder().encode("null");
const isRemoval = (e: AwarenessEntry): boolean =>
  e.state.byteLength === NULL_STATE.byteLength && e.state.every((b, i) => b === NULL_STATE[i]);
