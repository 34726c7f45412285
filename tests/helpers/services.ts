import { Redis } from "ioredis";
import pg from "pg";

/**
 * The PostgreSQL and Redis the scale-out tests and benchmarks use (see README, "Tests").
 * No vitest here: the benchmarks import this outside the test runner.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export type Service = "postgres" | "redis";

/** `base` (a postgres:// URL without a query) with every connection's search_path set to `schema`. */
export function withSearchPath(base: string, schema: string): string {
  return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Runs one statement on the test database as its administrator (creating and dropping schemas). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return `PostgreSQL at ${TEST_DATABASE_URL} does not answer (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => undefined); // already closed when connect failed
  }
}

async function redisProblem(): Promise<string | null> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return `Redis at ${TEST_REDIS_URL} does not answer (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    redis.disconnect();
  }
}

/** Why the given services cannot be used: one sentence per service that does not answer. */
export async function missingServices(services: Service[]): Promise<string[]> {
  const problems = await Promise.all(services.map((s) => (s === "postgres" ? postgresProblem() : redisProblem())));
  return problems.filter((p) => p !== null);
}
