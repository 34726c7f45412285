import type { Logger } from "../log.ts";
import type { PubSub } from "../pubsub/PubSub.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";

/** The session behind one open socket, as the upgrade found it. */
export interface SocketSession {
  /** The session's id: its token hash. */
  id: string;
  userId: string;
  /** End of the session, ms since the epoch. */
  expiresAt: number;
}

/** Closes one socket because its session ended (the adapter sends 4401). */
export type EndSocket = () => void;

export interface LiveSessionsOptions {
  store: Pick<SessionStore, "liveSessions">;
  pubsub: PubSub;
  log: Logger;
  /** How often the sessions of open sockets are checked against the store. */
  checkMs: number;
}

interface Entry {
  userId: string;
  expiresAt: number;
  sockets: Set<EndSocket>;
}

/** How long an ended session or user is remembered, to refuse a socket whose upgrade raced the end. */
const REMEMBER_ENDED_MS = 60_000;

/**
 * The sessions behind this instance's open WebSockets. Ending a session closes its sockets:
 * a logout or a deactivation at once here and, through pub/sub, on every other instance; a
 * periodic check against the store catches what no event announced (an expiry, an event
 * lost while Redis was away, a session deleted in the database). Without it an open socket
 * kept editing, and its edits were stored, long after its session had ended.
 */
export class LiveSessions {
  private readonly sessions = new Map<string, Entry>();
  /** `s:<session id>` or `u:<user id>` → when it ended here. */
  private readonly ended = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(private readonly options: LiveSessionsOptions) {
    options.pubsub.onEvent((event) => {
      if (event.type === "sessionEnded") this.endSession(event.sessionId);
      else if (event.type === "userDeactivated") this.endUser(event.userId);
      else if (event.type === "userReactivated") this.ended.delete(`u:${event.userId}`);
      else if (event.type === "userSignedOut") this.endSessionsOf(event.userId, event.keep);
    });
    // Events may have been lost while the broker was away.
    options.pubsub.onReconnected(() => void this.check());
    this.timer = setInterval(() => void this.check(), options.checkMs);
    this.timer.unref();
  }

  /** Files an open socket under its session; returns what to call when it closes. */
  add(session: SocketSession, end: EndSocket): () => void {
    if (this.ended.has(`s:${session.id}`) || this.ended.has(`u:${session.userId}`)) {
      end();
      return () => {};
    }
    let entry = this.sessions.get(session.id);
    if (!entry) {
      entry = { userId: session.userId, expiresAt: session.expiresAt, sockets: new Set() };
      this.sessions.set(session.id, entry);
    }
    const filed = entry;
    filed.sockets.add(end);
    return () => {
      filed.sockets.delete(end);
      if (filed.sockets.size === 0 && this.sessions.get(session.id) === filed) this.sessions.delete(session.id);
    };
  }

  /**
   * True while the session may act here: it has open sockets, was not ended and has not
   * expired. Synchronous, so it can guard every frame before the room sees it.
   */
  isLive(sessionId: string, now = Date.now()): boolean {
    const entry = this.sessions.get(sessionId);
    return entry !== undefined && entry.expiresAt > now;
  }

  /** The session was ended (logout): closes its sockets here and on every other instance. */
  sessionEnded(sessionId: string): void {
    this.endSession(sessionId);
    this.options.pubsub.publishEvent({ type: "sessionEnded", sessionId });
  }

  /** The account was deactivated: closes all its sockets here and on every other instance. */
  userDeactivated(userId: string): void {
    this.endUser(userId);
    this.options.pubsub.publishEvent({ type: "userDeactivated", userId });
  }

  /** The account was reactivated: its new sockets are accepted again, here and on every other instance. */
  userReactivated(userId: string): void {
    this.ended.delete(`u:${userId}`);
    this.options.pubsub.publishEvent({ type: "userReactivated", userId });
  }

  /**
   * The user's sessions were ended in the store (password changed or reset): closes their
   * sockets here and on every other instance, except those of the session `keep`.
   */
  userSignedOut(userId: string, keep: string | null): void {
    this.endSessionsOf(userId, keep);
    this.options.pubsub.publishEvent({ type: "userSignedOut", userId, keep });
  }

  /** Number of sessions with open sockets here. */
  get size(): number {
    return this.sessions.size;
  }

  /** Closes the sockets of sessions that expired, or that the store no longer knows as live. */
  async check(now = Date.now()): Promise<void> {
    for (const [key, at] of this.ended) if (at <= now - REMEMBER_ENDED_MS) this.ended.delete(key);
    for (const [id, entry] of this.sessions) if (entry.expiresAt <= now) this.endSession(id);
    if (this.checking || this.sessions.size === 0) return;
    this.checking = true;
    const ids = [...this.sessions.keys()];
    try {
      const live = new Set(await this.options.store.liveSessions(ids, new Date(now)));
      for (const id of ids) if (!live.has(id)) this.endSession(id);
    } catch (err) {
      // A store that does not answer must not sign everyone out; the next check tries again.
      this.options.log.warn("session check failed", { error: String(err) });
    } finally {
      this.checking = false;
    }
  }

  /** Stops the periodic check. */
  close(): void {
    clearInterval(this.timer);
  }

  private endSession(sessionId: string): void {
    this.ended.set(`s:${sessionId}`, Date.now());
    const entry = this.sessions.get(sessionId);
    if (!entry) return;
    this.sessions.delete(sessionId);
    for (const end of entry.sockets) end();
  }

  private endSessionsOf(userId: string, keep: string | null): void {
    for (const [id, entry] of this.sessions) if (entry.userId === userId && id !== keep) this.endSession(id);
  }

  private endUser(userId: string): void {
    this.ended.set(`u:${userId}`, Date.now());
    for (const [id, entry] of this.sessions) if (entry.userId === userId) this.endSession(id);
  }
}
