import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { libreOfficeOutcomes } from "../helpers/libreOffice.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textHolding } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";

describe("a redline names the person behind each change (two users over WebSockets, compaction between)", async () => {
  // Every commit folds the log: the attribution has to come from the index compaction writes.
  const dataDir = tempDataDir();
  const server = await startTestServer({ COMPACT_THRESHOLD: "1" }, dataDir);
  /** Rows of the log and of the attribution index, read behind the server's back. */
  const rows = () => {
    const db = new Database(path.join(dataDir, "accord.sqlite"), { readonly: true });
    try {
      const count = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = ?`).get(CONCEPT) as { n: number }).n;
      const users = db
        .prepare("SELECT DISTINCT user_id FROM update_attributions WHERE document_id = ? ORDER BY user_id")
        .all(CONCEPT) as { user_id: string }[];
      return { log: count("updates"), index: count("update_attributions"), users: users.map((u) => u.user_id) };
    } finally {
      db.close();
    }
  };
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const api = async (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api${path}`, { ...init, headers: { cookie, "content-type": "application/json" } });

  it("shows Andrea's insertion and Lukas's deletion under their names in LibreOffice, not 'Accord (Vergleich)'", async () => {
    const a = connectClient(server.url, CONCEPT, andrea, { reconnect: false });
    const l = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await Promise.all([a.synced, l.synced]);
    appendParagraph(a.doc, "Vor der Version ergänzt.");
    await eventually(() => l.doc.getXmlFragment(CONTENT_FIELD).toString().includes("Vor der Version"), "sync");
    a.destroy();
    l.destroy();

    // A version between: frozen, approved by the canton, unlocked again.
    const version = (await (
      await api(`/documents/${CONCEPT}/milestones`, andrea, { method: "POST", body: "{}" })
    ).json()) as VersionDetail;
    const approved = await api(`/versions/${version.id}/approvals`, andrea, {
      method: "POST",
      body: JSON.stringify({ decision: "approve" }),
    });
    expect(approved.status).toBe(201);

    const andreaAfter = connectClient(server.url, CONCEPT, andrea, { reconnect: false });
    const lukasAfter = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await Promise.all([andreaAfter.synced, lukasAfter.synced]);
    appendParagraph(andreaAfter.doc, "Andrea fügt diesen Satz an.");
    const { text, at } = textHolding(lukasAfter.doc, "bewährte ");
    lukasAfter.doc.transact(() => text.delete(at, "bewährte ".length));
    await eventually(
      () =>
        lukasAfter.doc.getXmlFragment(CONTENT_FIELD).toString().includes("Andrea fügt") &&
        !andreaAfter.doc.getXmlFragment(CONTENT_FIELD).toString().includes("bewährte Integrationsförderung"),
      "both edits at both clients",
    );
    andreaAfter.destroy();
    lukasAfter.destroy();

    // Compaction folded the edits: who made them is known only from the index now.
    await eventually(() => rows().log === 0, "compaction");
    expect(rows().users).toEqual(["u-andrea", "u-lukas"]);

    // The compare view's JSON names the same people.
    const view = await api(`/documents/${CONCEPT}/comparison?from=${version.id}&to=current`, andrea);
    expect(view.status).toBe(200);
    const { changes } = (await view.json()) as { changes: Record<string, { kind: string; name: string }> };
    expect(new Set(Object.values(changes).map((c) => `${c.kind}:${c.name}`))).toEqual(
      new Set(["insertion:Andrea Meier", "deletion:Lukas Frei"]),
    );

    const red = await api(`/documents/${CONCEPT}/redline?from=${version.id}&to=current&format=docx`, andrea);
    expect(red.status).toBe(200);
    const outcomes = await libreOfficeOutcomes(new Uint8Array(await red.arrayBuffer()));
    const authors = outcomes.redlines.map((r) => `${r.type}:${r.author}`);
    expect(authors).toContain("Insert:Andrea Meier");
    expect(authors).toContain("Delete:Lukas Frei");
    expect(authors.join(" ")).not.toContain("Vergleich");
    expect(outcomes.accepted).toContain("Andrea fügt diesen Satz an.");
    expect(outcomes.accepted).not.toContain("bewährte Integrationsförderung");
    expect(outcomes.rejected).toContain("bewährte Integrationsförderung");
    expect(outcomes.rejected).not.toContain("Andrea fügt");
    // The edit before the version is no change of this comparison.
    expect(outcomes.text.match(/Vor der Version ergänzt/g)).toHaveLength(1);
  }, 120_000);

  it("refuses the comparison to a stranger and to a forged query, and answers nothing of the text", async () => {
    const stranger = await login(server.url, "sandra.keller@sem.admin.ch"); // an administrator, no member
    const versions = (await (await api(`/documents/${CONCEPT}/versions`, andrea)).json()) as { id: string }[];
    const first = versions[0]?.id ?? "";
    const denied = await api(`/documents/${CONCEPT}/comparison?from=${first}&to=current`, stranger);
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toContain("Integrationsförderung");
    expect((await api(`/documents/${CONCEPT}/comparison?from=${first}&to=current&debug=1`, andrea)).status).toBe(400);
    expect((await api(`/documents/${CONCEPT}/comparison?from=v-unknown&to=current`, andrea)).status).toBe(404);
    expect((await fetch(`${server.url}/api/documents/${CONCEPT}/comparison?from=${first}&to=current`)).status).toBe(
      401,
    );
  });

  it("falls back to the version's freezer for changes the log no longer knows (rows folded before the index)", async () => {
    const db = new Database(path.join(dataDir, "accord.sqlite"));
    try {
      db.prepare("DELETE FROM update_attributions WHERE document_id = ?").run(CONCEPT);
    } finally {
      db.close();
    }
    const versions = (await (await api(`/documents/${CONCEPT}/versions`, andrea)).json()) as { id: string }[];
    const first = versions[0]?.id;
    const red = await api(`/documents/${CONCEPT}/redline?from=${first}&to=current&format=docx`, andrea);
    const outcomes = await libreOfficeOutcomes(new Uint8Array(await red.arrayBuffer()));
    expect(new Set(outcomes.redlines.map((r) => r.author))).toEqual(new Set(["Andrea Meier"]));
  }, 120_000);
});
