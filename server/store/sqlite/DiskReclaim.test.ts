import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { enableIncrementalAutoVacuum } from "./autoVacuum.ts";
import { INCREMENTAL } from "./DiskReclaim.ts";
import { appendText, fileFigures, openReclaiming, storedText, typeAndCompact } from "./reclaimFixture.ts";
import { sqliteTestFiles } from "./sqliteTestFiles.ts";

const freshFile = sqliteTestFiles("disk-reclaim");

/** Waits for the next complete reclaim, at most `ms`: the figures read afterwards tell whether it came. */
const reclaimed = (db: { reclaim: { settled(): Promise<void> } }, ms = 5000) =>
  Promise.race([db.reclaim.settled(), new Promise((r) => setTimeout(r, ms))]);

describe("DiskReclaim", () => {
  it("after compaction, once idle, releases the free pages and truncates the WAL, losing nothing", async () => {
    const file = freshFile();
    const { db, store } = await openReclaiming(file, { idleMs: 30 });
    try {
      const text = await typeAndCompact(store);
      const peak = fileFigures(file);
      expect(peak.walBytes).toBeGreaterThan(0);
      await reclaimed(db);
      const after = fileFigures(file);
      expect(after.walBytes).toBe(0);
      expect(after.freePages).toBe(0);
      expect(db.reclaim.last?.pagesReleased).toBeGreaterThan(50);
      expect(after.integrity).toBe("ok");
      expect(await storedText(store)).toBe(text);
    } finally {
      await store.close();
    }
    const reopened = await openReclaiming(file);
    try {
      expect((await storedText(reopened.store)).length).toBeGreaterThan(200_000);
    } finally {
      await reopened.store.close();
    }
  });

  it("waits while a transaction is open, and stops when something is written between its steps", async () => {
    const file = freshFile();
    let steps = 0;
    const { db, store } = await openReclaiming(file, { idleMs: 20, stepPages: 1, onStep: () => steps++ });
    try {
      const text = await typeAndCompact(store);
      let release = () => {};
      const held = db.transaction(() => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 100));
      expect(steps).toBe(0); // nothing ran inside the open transaction
      release();
      await held;
      // One page per step, pauses longer than idleMs: steps run between the writes, each write
      // stops them, and the reclaim finishes once quiet.
      let written = "";
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 25));
        await appendText(store, `${i};`);
        written += `${i};`;
      }
      expect(steps).toBeGreaterThan(0);
      expect(await storedText(store)).toBe(text + written);
      await reclaimed(db);
      expect(fileFigures(file)).toMatchObject({ walBytes: 0, freePages: 0, integrity: "ok" });
    } finally {
      await store.close();
    }
  });

  it("is not postponed by reads: a server that keeps reading but writes nothing is idle", async () => {
    const file = freshFile();
    const { db, store } = await openReclaiming(file, { idleMs: 50 });
    try {
      const text = await typeAndCompact(store);
      for (let i = 0; i < 40 && !db.reclaim.last; i++) {
        expect(await storedText(store)).toBe(text);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(db.reclaim.last).not.toBeNull();
      expect(fileFigures(file)).toMatchObject({ walBytes: 0, freePages: 0 });
    } finally {
      await store.close();
    }
  });

  it("loses nothing when the process is killed with SIGKILL in the middle of the vacuum", async () => {
    const file = freshFile();
    const { store } = await openReclaiming(file);
    const text = await typeAndCompact(store);
    await store.close();
    const freeBefore = fileFigures(file).freePages;
    expect(freeBefore).toBeGreaterThan(50);

    const child = spawn(process.execPath, ["--import", "tsx", "server/store/sqlite/reclaimUntilKilled.ts", file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let steps = 0;
    // Killed after its tenth step, or after 10 s if it never steps (then the checks below fail).
    const deadline = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await new Promise<void>((resolve, reject) => {
      child.on("exit", () => resolve());
      child.on("error", reject);
      child.stdout.on("data", (chunk: Buffer) => {
        steps += chunk.toString().split("step").length - 1;
        if (steps >= 10) child.kill("SIGKILL");
      });
    }).finally(() => clearTimeout(deadline));
    expect(steps).toBeGreaterThanOrEqual(10);
    expect(child.signalCode).toBe("SIGKILL");

    const reopened = await openReclaiming(file, { idleMs: 20 });
    try {
      const figures = fileFigures(file);
      expect(figures.integrity).toBe("ok");
      expect(figures.freePages).toBeLessThan(freeBefore); // the steps before the kill were committed
      expect(figures.freePages).toBeGreaterThan(0); // and it was killed before the end
      expect(await storedText(reopened.store)).toBe(text);
      await reclaimed(reopened.db);
      expect(fileFigures(file)).toMatchObject({ walBytes: 0, freePages: 0 });
    } finally {
      await reopened.store.close();
    }
  }, 30_000);
});

describe("enableIncrementalAutoVacuum", () => {
  it("switches a small file made without it, keeping its data, and leaves a larger one as it is", () => {
    const file = freshFile();
    const old = new Database(file);
    old.exec("CREATE TABLE t (x BLOB); INSERT INTO t VALUES (zeroblob(100000));");
    expect(enableIncrementalAutoVacuum(old, 10_000)).toBe(false);
    expect(old.pragma("auto_vacuum", { simple: true })).toBe(0);
    expect(enableIncrementalAutoVacuum(old)).toBe(true);
    expect(old.pragma("auto_vacuum", { simple: true })).toBe(INCREMENTAL);
    expect(old.prepare("SELECT length(x) AS n FROM t").get()).toEqual({ n: 100000 });
    old.close();
  });
});
