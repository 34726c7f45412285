import { parseConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { DEMO_USERS } from "./seed/demo.ts";
import { startServer } from "./startServer.ts";

const config = parseConfig(process.env);
const log = createLogger(config.logLevel);
const server = await startServer(config, log);

// Each demo user's organisation as the table names it (the store may have renamed it since).
const orgNames = new Map<string, string>();
for (const u of DEMO_USERS) orgNames.set(u.orgId, (await server.store.organisationName(u.orgId)) ?? u.orgId);
const passwordNote = process.env.ACCORD_DEMO_PASSWORD ? "(as set in ACCORD_DEMO_PASSWORD)" : config.demoPassword;
log.banner(
  [
    "",
    `Accord läuft auf http://localhost:${server.port}  (Daten: ${config.databaseUrl ? "PostgreSQL" : config.dataDir})`,
    server.seeded ? "Demo-Daten angelegt: KIP 3 Programmkonzept und Programmvereinbarung Kanton Solothurn." : "",
    `Demo-Konten (Passwort ${passwordNote}):`,
    ...DEMO_USERS.map(
      (u) =>
        `  ${u.email.padEnd(30)} ${u.name} (${orgNames.get(u.orgId)}${"instanceRole" in u ? ", Administration" : ""})`,
    ),
    "",
  ].join("\n"),
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info("shutting down", { signal });
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error("shutdown failed", { error: String(err) });
        process.exit(1);
      },
    );
  });
}
