import pg from "pg";
import type { Database, Param, SchemaDialect, Sql } from "../sql/Sql.ts";

// BIGINT columns (sequence numbers, ids, count(*)) hold values far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

type Queryable = Pick<pg.PoolClient, "query">;

const placeholders = new Map<string, string>();
/** `?` → `$1`, `$2`, … (the stores' SQL has no `?` inside literals), cached per text. */
function numbered(text: string): string {
  let out = placeholders.get(text);
  if (out === undefined) {
    let n = 0;
    out = text.replace(/\?/g, () => `$${++n}`);
    placeholders.set(text, out);
  }
  return out;
}

/** pg sends Buffers as bytea (also inside arrays); a bare Uint8Array becomes a Buffer over the same bytes. */
export const asBuffer = (p: Uint8Array): Buffer =>
  Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength);

const bind = (params: readonly Param[]): unknown[] => params.map((p) => (p instanceof Uint8Array ? asBuffer(p) : p));

export const postgresSchema: SchemaDialect = {
  bigint: "BIGINT",
  bytes: "BYTEA",
  boolean: "BOOLEAN",
  true: "TRUE",
  false: "FALSE",
  autoId: "BIGSERIAL PRIMARY KEY",
  immutable: (tables) =>
    [
      `CREATE FUNCTION accord_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
      END
      $$;`,
      ...tables.map(
        (t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t}
        FOR EACH ROW EXECUTE FUNCTION accord_immutable();`,
      ),
    ].join("\n"),
};

/** The `Sql` surface over one pg client or the pool. */
function handle(q: Queryable, transaction: Sql["transaction"]): Sql {
  return {
    all: async <T>(text: string, params: readonly Param[] = []) =>
      (await q.query(numbered(text), bind(params))).rows as T[],
    get: async <T>(text: string, params: readonly Param[] = []) =>
      (await q.query(numbered(text), bind(params))).rows[0] as T | undefined,
    run: async (text, params = []) => (await q.query(numbered(text), bind(params))).rowCount ?? 0,
    exec: async (text) => {
      await q.query(text);
    },
    transaction,
    // Under READ COMMITTED a count read before a write may be stale by then; the row lock makes
    // writers of one document (appends, compaction, membership changes) take turns.
    lockDocument: async (documentId) => {
      await q.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
    },
    forUpdate: " FOR UPDATE",
    inList: (column, values) => ({ sql: `${column} = ANY(?::text[])`, param: values }),
  };
}

/** A pg pool behind the `Sql` surface, for several Accord instances sharing one database. */
export class PgDatabase implements Database {
  readonly schema = postgresSchema;
  readonly forUpdate = " FOR UPDATE";
  private readonly pooled: Sql;

  constructor(private readonly pool: pg.Pool) {
    // An idle connection that dies (database restarted, network cut) is dropped and replaced
    // by the pool; without a listener its 'error' would end the process. Queries in flight
    // fail on their own and reach their callers.
    pool.on("error", () => {});
    this.pooled = handle(pool, (work) => this.transaction(work));
  }

  all<T>(text: string, params?: readonly Param[]): Promise<T[]> {
    return this.pooled.all<T>(text, params);
  }

  get<T>(text: string, params?: readonly Param[]): Promise<T | undefined> {
    return this.pooled.get<T>(text, params);
  }

  run(text: string, params?: readonly Param[]): Promise<number> {
    return this.pooled.run(text, params);
  }

  exec(text: string): Promise<void> {
    return this.pooled.exec(text);
  }

  lockDocument(documentId: string): Promise<void> {
    return this.pooled.lockDocument(documentId);
  }

  inList(column: string, values: readonly string[]): { sql: string; param: Param } {
    return this.pooled.inList(column, values);
  }

  /**
   * A statement prepared once per pooled connection under `name` and executed in one round
   * trip ($1… placeholders, values bound as pg binds them): for the hot path only.
   */
  async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name, text, values })).rows as T[];
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client that loses its connection emits 'error' (the pool only listens
    // to idle ones); the query in flight fails anyway, so note it and drop the client.
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken = err;
    };
    client.on("error", onError);
    const tx: Sql = handle(client, (nested) => nested(tx));
    try {
      await client.query("BEGIN");
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      broken ??= err instanceof Error && /connect|terminat|ECONN/i.test(err.message) ? err : undefined;
      throw err;
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  }

  /** One migrator at a time, whichever instance starts first. */
  async lockMigrations(tx: Sql): Promise<void> {
    await tx.get("SELECT pg_advisory_xact_lock(4242001)");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
