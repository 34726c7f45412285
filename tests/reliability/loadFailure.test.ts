import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { startChildServer } from "../helpers/childServer.ts";
import { sleep } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";

/** Every stored row of the document, as bytes, to compare before and after. */
function rowsOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      updates: db.prepare("SELECT seq, hex(data) AS data FROM updates WHERE document_id = ? ORDER BY seq").all(DOC),
      snapshots: db.prepare("SELECT * FROM snapshots WHERE document_id = ?").all(DOC),
      document: db.prepare("SELECT * FROM documents WHERE id = ?").get(DOC),
    };
  } finally {
    db.close();
  }
}

describe("a server process over a document whose stored update was damaged while it was down", () => {
  it("refuses it with 4500 (even to a client holding the full old state), serves no blank doc, saves nothing", async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, "accord.sqlite");
    const server = await startChildServer(dataDir);
    const port = new URL(server.url).port;
    const cookie = await login(server.url, "andrea.meier@so.ch");
    // A client that has the document and keeps it, as an open browser tab would across an outage.
    const tab = connectClient(server.url, DOC, cookie);
    await tab.synced;
    for (let i = 0; i < 5; i++) appendParagraph(tab.doc, `Vorher ${i}`);
    const reader = connectClient(server.url, DOC, cookie, { reconnect: false });
    await reader.synced;
    await eventually(() => textOf(reader.doc).includes("Vorher 4"), "edits stored and relayed");
    reader.destroy();
    await server.kill9();

    // Damage: cut the seeded (largest) update row in half, with the server down.
    const db = new Database(file);
    const row = db
      .prepare("SELECT seq, data FROM updates WHERE document_id = ? ORDER BY length(data) DESC LIMIT 1")
      .get(DOC) as { seq: number; data: Buffer };
    db.prepare("UPDATE updates SET data = ? WHERE document_id = ? AND seq = ?").run(
      row.data.subarray(0, row.data.length >> 1),
      DOC,
      row.seq,
    );
    db.close();
    const before = rowsOf(file);

    const restarted = await startChildServer(dataDir, { PORT: port });
    // The tab reconnects on its own and would send its whole state into a blank room.
    const tabClosed = new Promise<number>((resolve) =>
      tab.provider.on("connection-close", (e: { code: number } | null) => e?.code && resolve(e.code)),
    );
    expect(await tabClosed).toBe(CloseCode.DocumentLoadFailed);
    const fresh = connectClient(restarted.url, DOC, cookie, { reconnect: false });
    expect((await fresh.closed).code).toBe(CloseCode.DocumentLoadFailed);
    expect(textOf(fresh.doc)).toBe("");
    // Let the tab retry for a while: still nothing written.
    await sleep(1500);
    expect(rowsOf(file)).toEqual(before);
    // The other document is served as usual by the same process.
    const other = connectClient(restarted.url, "kip3-vereinbarung-so", cookie, { reconnect: false });
    await other.synced;
    expect(textOf(other.doc)).toContain("Programmvereinbarung");
    tab.destroy();
    // And a clean shutdown saves nothing over it either.
    restarted.process.kill("SIGTERM");
    await new Promise((r) => restarted.process.once("exit", r));
    expect(rowsOf(file)).toEqual(before);
  });
});
