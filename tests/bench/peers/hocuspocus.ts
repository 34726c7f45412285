import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

/** Hocuspocus 3 with its SQLite extension at $DB_FILE, default debounce, on $PORT. */
const server = new Server({
  port: Number(process.env.PORT),
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database: process.env.DB_FILE ?? "hocuspocus.sqlite" })],
});
await server.listen();
console.log(`ready on ${process.env.PORT}`);
