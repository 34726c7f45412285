import BetterSqlite3 from "better-sqlite3";
import type { Database, Param, SchemaDialect, Sql } from "../sql/Sql.ts";
import { enableIncrementalAutoVacuum } from "./autoVacuum.ts";
import { DiskReclaim, type DiskReclaimOptions } from "./DiskReclaim.ts";

type Bindable = string | number | bigint | Buffer | null;

/** better-sqlite3 binds neither booleans nor bare Uint8Arrays: 1/0 and a Buffer over the same bytes. */
const bind = (params: readonly Param[]): Bindable[] =>
  params.map((p) => {
    if (p === null || typeof p === "string" || typeof p === "number") return p;
    if (typeof p === "boolean") return p ? 1 : 0;
    if (p instanceof Uint8Array) return Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    return JSON.stringify(p); // a list, read back with json_each (see `inList`)
  });

export const sqliteSchema: SchemaDialect = {
  bigint: "INTEGER",
  bytes: "BLOB",
  boolean: "INTEGER",
  true: "1",
  false: "0",
  autoId: "INTEGER PRIMARY KEY AUTOINCREMENT",
  immutable: (tables) =>
    tables
      .flatMap((t) =>
        ["UPDATE", "DELETE"].map(
          (op) =>
            `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} are immutable'); END;`,
        ),
      )
      .join("\n"),
};

/**
 * One SQLite file behind the async `Sql` surface. better-sqlite3 is synchronous, but a
 * transaction's work awaits between statements, and other callers could run their
 * statements inside it meanwhile: so a transaction holds a gate that every other
 * statement and transaction waits for.
 */
export class SqliteDatabase implements Database {
  readonly schema = sqliteSchema;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** Settles when the open transaction (and those queued before it) ended. */
  private gate: Promise<unknown> = Promise.resolve();
  private inTransaction = false;
  readonly forUpdate = "";
  /** The handle a transaction's work uses: straight to the connection, past the gate. */
  private readonly direct: Sql;
  /** Prepared once: parsing BEGIN and COMMIT again on every group commit is measurable. */
  private readonly control;
  /** Gives back the WAL and free pages once the file is idle. */
  readonly reclaim: DiskReclaim;

  constructor(
    private readonly db: BetterSqlite3.Database,
    options: DiskReclaimOptions = {},
  ) {
    this.reclaim = new DiskReclaim(db, () => !this.inTransaction && !db.inTransaction, options);
    this.control = {
      begin: db.prepare("BEGIN IMMEDIATE"),
      commit: db.prepare("COMMIT"),
      rollback: db.prepare("ROLLBACK"),
    };
    const prepare = (text: string) => {
      let stmt = this.statements.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        this.statements.set(text, stmt);
      }
      // Only writes postpone the reclaim: a server that keeps reading but writes nothing is idle.
      if (!stmt.readonly) this.reclaim.touched();
      return stmt;
    };
    this.direct = {
      all: async <T>(text: string, params: readonly Param[] = []) => prepare(text).all(...bind(params)) as T[],
      get: async <T>(text: string, params: readonly Param[] = []) =>
        prepare(text).get(...bind(params)) as T | undefined,
      run: async (text, params = []) => prepare(text).run(...bind(params)).changes,
      exec: async (text) => {
        this.reclaim.touched();
        db.exec(text);
      },
      transaction: (work) => work(this.direct),
      // BEGIN IMMEDIATE already holds the whole file's write lock.
      lockDocument: async () => {},
      forUpdate: "",
      inList: (column, values) => ({ sql: `${column} IN (SELECT value FROM json_each(?))`, param: values }),
    };
  }

  /**
   * Opens `file` in WAL mode with synchronous=FULL (a committed transaction survives a power
   * cut) and incremental auto-vacuum (see `enableIncrementalAutoVacuum`).
   */
  static open(file: string, options: DiskReclaimOptions = {}): SqliteDatabase {
    const db = new BetterSqlite3(file);
    db.pragma("busy_timeout = 5000");
    enableIncrementalAutoVacuum(db);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    // When a checkpoint resets a WAL that grew past this (a long read held it), cut it back.
    db.pragma(`journal_size_limit = ${8 * 1024 * 1024}`);
    return new SqliteDatabase(db, options);
  }

  /** Waits until no transaction is open; statements then run at once, in the same turn. */
  private async outside(): Promise<void> {
    while (this.inTransaction) await this.gate;
  }

  async all<T>(text: string, params?: readonly Param[]): Promise<T[]> {
    await this.outside();
    return this.direct.all<T>(text, params);
  }

  async get<T>(text: string, params?: readonly Param[]): Promise<T | undefined> {
    await this.outside();
    return this.direct.get<T>(text, params);
  }

  async run(text: string, params?: readonly Param[]): Promise<number> {
    await this.outside();
    return this.direct.run(text, params);
  }

  async exec(text: string): Promise<void> {
    await this.outside();
    return this.direct.exec(text);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.outside();
      // IMMEDIATE takes the write lock before the first read, so no other writer (another
      // process on the same file included) changes what the work reads before it writes.
      this.control.begin.run();
      this.inTransaction = true;
      try {
        const result = await work(this.direct);
        this.control.commit.run();
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.control.rollback.run();
        throw err;
      } finally {
        this.inTransaction = false;
      }
    };
    const result = this.gate.then(run, run);
    this.gate = result.catch(() => {});
    return result;
  }

  lockDocument(documentId: string): Promise<void> {
    return this.direct.lockDocument(documentId);
  }

  inList(column: string, values: readonly string[]): { sql: string; param: Param } {
    return this.direct.inList(column, values);
  }

  async lockMigrations(): Promise<void> {}

  async close(): Promise<void> {
    await this.outside();
    this.reclaim.stop();
    this.db.close();
  }
}
