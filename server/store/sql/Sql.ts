/** A value bound to a `?` placeholder. Each dialect converts booleans and bytes its own way. */
export type Param = string | number | boolean | null | Uint8Array | readonly string[];

/**
 * The small surface the stores' SQL is written against, once for both databases. Queries
 * use `?` placeholders; results come back as plain rows (bytes as Buffers). Async for both:
 * better-sqlite3 answers at once, pg over the network.
 */
export interface Sql {
  /** Every row the statement returns. */
  all<T>(text: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, if any. */
  get<T>(text: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  run(text: string, params?: readonly Param[]): Promise<number>;
  /** Runs several statements without parameters (a migration). */
  exec(text: string): Promise<void>;
  /**
   * Runs `work` in one transaction (the handle it gets is the only one to use inside):
   * committed if it resolves, rolled back if it throws. Nested calls join the open one.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Holds the document's row until the transaction ends, so writers of one document take turns. */
  lockDocument(documentId: string): Promise<void>;
  /**
   * Appended to a SELECT inside a transaction to hold the rows it read until the end
   * (PostgreSQL: " FOR UPDATE"); empty for SQLite, whose write transactions already take turns.
   */
  readonly forUpdate: string;
  /** A condition `column IN values`, bound as one parameter (SQLite caps placeholders, PostgreSQL round trips). */
  inList(column: string, values: readonly string[]): { sql: string; param: Param };
}

/** How each database spells the column types and rules that the migrations need. */
export interface SchemaDialect {
  /** Sequence numbers and counters. */
  bigint: string;
  bytes: string;
  boolean: string;
  true: string;
  false: string;
  /** An auto-numbered integer primary key. */
  autoId: string;
  /** Triggers that refuse every UPDATE and DELETE on `tables`, with a message naming them "immutable". */
  immutable(tables: readonly string[]): string;
}

/** A connection to one database: the SQL surface plus what only the wiring uses. */
export interface Database extends Sql {
  readonly schema: SchemaDialect;
  /** Serialises migrators (several instances starting at once) inside the migration's transaction. */
  lockMigrations(tx: Sql): Promise<void>;
  close(): Promise<void>;
}
