import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../log.ts";
import type { ClusterEvent, PubSub } from "../pubsub/PubSub.ts";
import { LiveSessions } from "./LiveSessions.ts";

/** An in-process stand-in for the broker: records what is published, delivers what "another instance" sends. */
class RecordingPubSub implements PubSub {
  readonly distributed = true;
  readonly published: ClusterEvent[] = [];
  private readonly handlers: ((event: ClusterEvent) => void)[] = [];
  publishUpdate(): void {}
  publishAwareness(): void {}
  subscribe(): () => void {
    return () => {};
  }
  onReconnected(): void {}
  async healthy(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
  publishEvent(event: ClusterEvent): void {
    this.published.push(event);
  }
  onEvent(handler: (event: ClusterEvent) => void): void {
    this.handlers.push(handler);
  }
  fromElsewhere(event: ClusterEvent): void {
    for (const h of this.handlers) h(event);
  }
}

const HOUR = 3600_000;
let made: LiveSessions[] = [];
afterEach(() => {
  for (const s of made) s.close();
  made = [];
});

function setup(live: (ids: readonly string[]) => Promise<string[]> = async (ids) => [...ids]) {
  const pubsub = new RecordingPubSub();
  const sessions = new LiveSessions({
    store: { liveSessions: live },
    pubsub,
    log: createLogger("silent"),
    checkMs: HOUR,
  });
  made.push(sessions);
  const closed: string[] = [];
  const open = (id: string, userId: string, expiresAt = Date.now() + HOUR, name = id) =>
    sessions.add({ id, userId, expiresAt }, () => closed.push(name));
  return { sessions, pubsub, closed, open };
}

describe("LiveSessions", () => {
  it("closes every socket of an ended session, tells the other instances, and leaves other sessions open", () => {
    const { sessions, pubsub, closed, open } = setup();
    open("s1", "u1", undefined, "tab 1");
    open("s1", "u1", undefined, "tab 2");
    open("s2", "u1", undefined, "other session");
    sessions.sessionEnded("s1");
    expect(closed).toEqual(["tab 1", "tab 2"]);
    expect(sessions.isLive("s1")).toBe(false);
    expect(sessions.isLive("s2")).toBe(true);
    expect(pubsub.published).toEqual([{ type: "sessionEnded", sessionId: "s1" }]);
  });

  it("closes all of a deactivated user's sessions, also when another instance announces it", () => {
    const { sessions, pubsub, closed, open } = setup();
    open("s1", "u1");
    open("s2", "u1");
    open("s3", "u2");
    pubsub.fromElsewhere({ type: "userDeactivated", userId: "u1" });
    expect(closed).toEqual(["s1", "s2"]);
    expect(sessions.size).toBe(1);
    expect(pubsub.published).toEqual([]);
  });

  it("refuses at once a socket whose session ended while its upgrade was under way", () => {
    const { sessions, closed, open } = setup();
    sessions.sessionEnded("late");
    sessions.userDeactivated("gone");
    open("late", "u1");
    open("s9", "gone");
    expect(closed).toEqual(["late", "s9"]);
    expect(sessions.size).toBe(0);
  });

  it("is not live past its expiry, before any check ran, and the check closes it", async () => {
    const { sessions, closed, open } = setup();
    const now = Date.now();
    open("s1", "u1", now + 1000);
    expect(sessions.isLive("s1", now + 999)).toBe(true);
    expect(sessions.isLive("s1", now + 1000)).toBe(false);
    await sessions.check(now + 1000);
    expect(closed).toEqual(["s1"]);
  });

  it("closes, at the check, the sessions the store no longer knows; a failing store closes none", async () => {
    let answer: () => Promise<string[]> = async () => ["s2"];
    const { sessions, closed, open } = setup(() => answer());
    open("s1", "u1");
    open("s2", "u2");
    await sessions.check();
    expect(closed).toEqual(["s1"]);
    answer = () => Promise.reject(new Error("database away"));
    await sessions.check();
    expect(closed).toEqual(["s1"]);
    expect(sessions.isLive("s2")).toBe(true);
  });

  it("forgets a session once its last socket closed", () => {
    const { sessions, open } = setup();
    const first = open("s1", "u1");
    const second = open("s1", "u1");
    first();
    expect(sessions.size).toBe(1);
    second();
    expect(sessions.size).toBe(0);
    expect(sessions.isLive("s1")).toBe(false);
  });
});

describe("LiveSessions after a password change and a reactivation", () => {
  it("closes every session of the user but the kept one, and tells the other instances", () => {
    const { sessions, pubsub, closed, open } = setup();
    open("s1", "u1");
    open("s2", "u1");
    open("s3", "u2");
    sessions.userSignedOut("u1", "s2");
    expect(closed).toEqual(["s1"]);
    expect(pubsub.published).toEqual([{ type: "userSignedOut", userId: "u1", keep: "s2" }]);
    pubsub.fromElsewhere({ type: "userSignedOut", userId: "u1", keep: null });
    expect(closed).toEqual(["s1", "s2"]);
    expect(sessions.isLive("s3")).toBe(true);
  });

  it("accepts a reactivated user's new sockets at once, also when another instance reactivated them", () => {
    const { sessions, closed, open, pubsub } = setup();
    sessions.userDeactivated("u1");
    sessions.userReactivated("u1");
    open("s1", "u1");
    expect(closed).toEqual([]);
    pubsub.fromElsewhere({ type: "userDeactivated", userId: "u2" });
    pubsub.fromElsewhere({ type: "userReactivated", userId: "u2" });
    open("s2", "u2");
    expect(closed).toEqual([]);
    expect(sessions.size).toBe(2);
  });
});
