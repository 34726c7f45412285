import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../server/config.ts";
import type { Logger } from "../../server/log.ts";
import { startServer } from "../../server/startServer.ts";
import { openSqliteStore } from "../../server/store/sqlite/openSqliteStore.ts";
import { verifyAll } from "../../server/versions/verify.ts";
import { login, startTestServer, tempDataDir, testEnv } from "../helpers/server.ts";

const AGREEMENT = "kip3-vereinbarung-so";
const CONCEPT = "kip3-konzept-so";

/** Columns an attacker with the database file could change, per table. */
const COLUMNS = {
  versions: [
    "id",
    "document_id",
    "seq",
    "milestone",
    "state",
    "pm_json",
    "content_hash",
    "state_hash",
    "prev_hash",
    "chain_hash",
    "frozen_by",
    "frozen_at",
    "open_items",
    "record",
  ],
  approvals: ["id", "version_id", "user_id", "org_id", "decision", "details", "reason", "at", "record", "hash"],
} as const;

/** The value with one byte changed: a character of a text, a bit of a blob, one step of a number. */
function mutate(value: unknown, position: number, step: number): unknown {
  if (typeof value === "number") return value + (step % 2 === 0 ? 1 : -1);
  if (value instanceof Uint8Array) {
    const copy = Buffer.from(value);
    const at = position % copy.length;
    copy[at] = (copy[at] ?? 0) ^ (1 << (step % 8));
    return copy;
  }
  if (typeof value === "string" && value.length > 0) {
    const at = position % value.length;
    const code = value.charCodeAt(at);
    const replacement = String.fromCharCode(code === 0x7a ? 0x61 : code < 0x21 || code > 0x7e ? 0x41 : code + 1);
    return value.slice(0, at) + replacement + value.slice(at + 1);
  }
  return null;
}

describe("tampering with stored versions and approvals", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({}, dataDir);
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  // The RRB approval has four eyes: Andrea requests it, her colleague Lukas approves it.
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const post = (path: string, cookie: string, json: unknown) =>
    fetch(`${server.url}/api${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(json),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } }));
  // Two versions of the agreement (one approved by both, one with RRB details), one rejected concept version.
  // Sections not settled by both parties: only with a reason (issue 15).
  const v1 = await post(`/documents/${AGREEMENT}/milestones`, andrea, {
    override: "Restliche Artikel werden mündlich bereinigt.",
  });
  await post(`/versions/${v1.body.id}/approvals`, andrea, { decision: "approve" });
  await post(`/versions/${v1.body.id}/approvals`, claire, { decision: "approve" });
  const v2 = await post(`/documents/${AGREEMENT}/milestones`, andrea, {});
  await post(`/versions/${v2.body.id}/approvals`, lukas, {
    decision: "approve",
    details: { rrbNumber: "RRB Nr. 2024/88", rrbDate: "2024-01-23" },
  });
  const c1 = await post(`/documents/${CONCEPT}/milestones`, andrea, {});
  await post(`/versions/${c1.body.id}/approvals`, andrea, { decision: "reject", reason: "Noch nicht bereit." });
  await server.close();

  const original = path.join(dataDir, "accord.sqlite");
  const db = new Database(original);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const rows = {
    versions: db.prepare("SELECT rowid AS rowid FROM versions").all() as { rowid: number }[],
    approvals: db.prepare("SELECT rowid AS rowid FROM approvals").all() as { rowid: number }[],
  };
  db.close();
  const scratch = mkdtempSync(path.join(tmpdir(), "accord-tamper-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds the untouched store intact (no false alarm)", async () => {
    expect(rows.versions.length).toBe(3);
    expect(rows.approvals.length).toBe(4);
    const store = await openSqliteStore(original);
    expect(await verifyAll(store)).toEqual([]);
    await store.close();
  });

  it("detects each of 100 random single-byte changes to versions and approvals", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("versions" as const, "approvals" as const),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 7 }),
        async (table, rowPick, columnPick, position, step) => {
          const file = path.join(scratch, `tampered-${run++}.sqlite`);
          copyFileSync(original, file);
          const raw = new Database(file);
          for (const t of ["versions_no_update", "versions_no_delete", "approvals_no_update", "approvals_no_delete"]) {
            raw.exec(`DROP TRIGGER ${t}`);
          }
          const rowid = rows[table][rowPick % rows[table].length]?.rowid;
          const columns = COLUMNS[table];
          let changed = false;
          // Try the picked column first, then the next ones: NULLs and constraint violations are skipped.
          for (let i = 0; i < columns.length && !changed; i++) {
            const column = columns[(columnPick + i) % columns.length] as string;
            const value = (
              raw.prepare(`SELECT ${column} AS v FROM ${table} WHERE rowid = ?`).get(rowid) as { v: unknown }
            ).v;
            const next = mutate(value instanceof Buffer ? new Uint8Array(value) : value, position, step);
            if (next === null) continue;
            try {
              raw.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(next, rowid);
              changed = true;
            } catch {
              // A CHECK or UNIQUE constraint refused this change: the database caught it already.
            }
          }
          raw.close();
          expect(changed).toBe(true);
          const store = await openSqliteStore(file);
          const problems = await verifyAll(store);
          await store.close();
          rmSync(file, { force: true });
          expect(problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it.each([
    [
      "a version's frozen title",
      "versions",
      "UPDATE versions SET record = replace(record, 'Programmvereinbarung KIP', 'Vereinbarung KIP')",
    ],
    [
      "a version's frozen-by name",
      "versions",
      "UPDATE versions SET record = replace(record, 'Andrea Meier', 'Claire Dubois')",
    ],
    ["a version's record, removed", "versions", "UPDATE versions SET record = NULL"],
    ["an approver's name", "approvals", "UPDATE approvals SET record = replace(record, 'Andrea Meier', 'Lukas Frei')"],
    ["an RRB number as printed", "approvals", "UPDATE approvals SET record = replace(record, '2024/88', '2024/99')"],
    ["an approval's record, removed", "approvals", "UPDATE approvals SET record = NULL"],
  ])("detects a change to %s", async (_what, table, sql) => {
    const file = path.join(scratch, `record-${table}-${Math.random().toString(36).slice(2)}.sqlite`);
    copyFileSync(original, file);
    const raw = new Database(file);
    raw.exec(`DROP TRIGGER ${table}_no_update`);
    expect(raw.prepare(sql).run().changes).toBeGreaterThan(0);
    raw.close();
    const store = await openSqliteStore(file);
    const problems = await verifyAll(store);
    await store.close();
    expect(problems.map((p) => p.problem)).toContainEqual(expect.stringMatching(/does not match/));
  });

  it("reports a tampered version at start-up", async () => {
    const dir = tempDataDir();
    copyFileSync(original, path.join(dir, "accord.sqlite"));
    const raw = new Database(path.join(dir, "accord.sqlite"));
    raw.exec("DROP TRIGGER versions_no_update");
    raw
      .prepare("UPDATE versions SET pm_json = replace(pm_json, 'Kanton', 'Kantom') WHERE rowid = ?")
      .run(rows.versions[0]?.rowid);
    raw.close();
    const errors: { msg: string; fields?: Record<string, unknown> }[] = [];
    const log: Logger = {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (msg, fields) => errors.push({ msg, ...(fields ? { fields } : {}) }),
      banner: () => {},
    };
    const started = await startServer(parseConfig(testEnv(dir)), log);
    await started.close();
    expect(errors.map((e) => e.msg)).toContain("version chain problem");
    expect(errors.find((e) => e.msg === "version chain problem")?.fields?.problem).toMatch(/content/);
  });
});
