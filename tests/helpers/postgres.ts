import { randomBytes } from "node:crypto";
import pg from "pg";

/** PostgreSQL of the machine and of CI (trust auth); see the README's prerequisites. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Runs SQL as the test database's administrator, in `schema` if given (behind a store's back). */
export async function adminSql(sql: string, schema?: string): Promise<void> {
  const options = schema === undefined ? {} : { options: `-c search_path=${schema}` };
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, ...options });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, unique schema name for one test's tables (drop it with `adminSql`). */
export const freshSchemaName = (prefix: string): string => `${prefix}_${randomBytes(6).toString("hex")}`;

/**
 * Whether the test PostgreSQL answers. When it does not, say so once, plainly, so that a
 * skipped suite is not mistaken for a passing one (use with `describe.skipIf`).
 */
export async function postgresAbsent(suite: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return false;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    console.warn(
      `SKIPPED ${suite}: PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${why}); see README, "Prerequisites of npm test".`,
    );
    return true;
  }
}
