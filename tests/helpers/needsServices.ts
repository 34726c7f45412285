import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { cleanup } from "./cleanup.ts";
import { adminQuery, missingServices, type Service, TEST_DATABASE_URL, withSearchPath } from "./services.ts";

type Suite = (name: string, factory: () => void | Promise<void>) => void;

/**
 * `describe` when the services answer; otherwise a skipped suite that says which service is
 * missing and how to provide it. The suite's body is then not run at all (vitest runs the
 * body of a `describe.skip`, and these bodies start servers against the services).
 */
export async function describeNeeding(...services: Service[]): Promise<Suite> {
  const problems = await missingServices(services);
  if (problems.length === 0) return (name, factory) => describe(name, factory);
  const why = `${problems.join("; ")}. Start it or set TEST_DATABASE_URL / TEST_REDIS_URL (README, "Tests")`;
  console.warn(`skipping: ${why}`);
  return (name) =>
    describe.skip(name, () => {
      it.skip(`needs ${services.join(" and ")}: ${why}`, () => {});
    });
}

/** A fresh schema in the test database, dropped after the file: its name and a DATABASE_URL using it. */
export async function freshSchema(prefix: string): Promise<{ schema: string; url: string }> {
  const schema = `${prefix}_${randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  cleanup(() => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  return { schema, url: withSearchPath(TEST_DATABASE_URL, schema) };
}

/** A Redis channel prefix of its own, so that test runs sharing one Redis never hear each other. */
export const freshRedisPrefix = (): string => `accord-test-${randomBytes(4).toString("hex")}:`;
