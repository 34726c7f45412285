import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { kip3Concept } from "../seed/content/kip3Concept.ts";
import { openSqliteStore } from "../store/sqlite/openSqliteStore.ts";
import { mergeThroughDoc } from "../sync/compaction.ts";
import { historyRuns } from "../sync/historyRuns.ts";
import { indexUpdates } from "../sync/updateRanges.ts";

// What the Verlauf costs in storage: bytes of `update_history` per 1,000 edits after
// compaction, beside the attribution index (`update_attributions`) and the snapshot.

const dir = mkdtempSync(path.join(tmpdir(), "accord-history-cost-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Edit {
  data: Uint8Array;
  userId: string;
}

/** Stores `edits` as one document's log on a fresh SQLite file, compacts, and measures the tables. */
async function measure(name: string, edits: readonly Edit[]) {
  const file = path.join(dir, `${name}.sqlite`);
  let logBytes = 0;
  const store = await openSqliteStore(file);
  try {
    await store.createOrganisation({
      id: "org",
      kind: "other",
      name: { de: "Amt", fr: "Amt", it: "Amt" },
      shortName: "Amt",
      colour: "#5f6b7a",
      domains: [],
      active: true,
      ssoProvisioning: false,
      passwordSignIn: true,
    });
    for (const id of ["u-a", "u-b"])
      await store.createUser({ id, email: `${id}@amt.ch`, name: id, orgId: "org", passwordHash: "h" });
    await store.createDocument({
      id: "doc",
      title: "doc",
      kind: "concept",
      ownerId: "u-a",
      crossPartyAcceptance: false,
      parties: [],
    });
    await store.appendUpdates(edits.map((e) => ({ documentId: "doc", ...e })));
    logBytes = edits.reduce((n, e) => n + e.data.length, 0);
    await store.compact("doc", mergeThroughDoc, indexUpdates, historyRuns);
  } finally {
    await store.close();
  }
  const db = new Database(file, { readonly: true });
  try {
    const size = (table: string) =>
      db.prepare(`SELECT coalesce(sum(length(data)), 0) AS n, count(*) AS rows FROM ${table}`).get() as {
        n: number;
        rows: number;
      };
    const history = size("update_history");
    const index = size("update_attributions");
    const snapshot = size("snapshots").n;
    const per1000 = (n: number) => Math.round((n * 1000) / edits.length);
    const figures = {
      edits: edits.length,
      historyRows: history.rows,
      historyPer1000: per1000(history.n),
      logPer1000: per1000(logBytes),
      indexPer1000: per1000(index.n),
      snapshot,
    };
    process.stdout.write(`Verlauf storage, ${name}: ${JSON.stringify(figures)}\n`);
    return figures;
  } finally {
    db.close();
  }
}

/** Paragraph texts of a ProseMirror document, in order. */
function paragraphs(node: JSONContent): string[] {
  if (node.type === "paragraph" || node.type === "heading") {
    const text = (node.content ?? []).map((c) => c.text ?? "").join("");
    return text ? [text] : [];
  }
  return (node.content ?? []).flatMap(paragraphs);
}

describe("storage the Verlauf costs per 1,000 edits", () => {
  it("one person making 1,000 edits (a paragraph, 999 keystrokes): about the typed text, once", async () => {
    const doc = new Y.Doc();
    const edits: Edit[] = [];
    doc.on("update", (data: Uint8Array) => edits.push({ data, userId: "u-a" }));
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
    const text = paragraph.get(0) as Y.XmlText;
    for (let i = 0; i < 999; i++) text.insert(text.length, "abcdefghij"[i % 10] as string);
    const f = await measure("keystrokes", edits);
    // One run, one row: the 1,000 characters merged into one item, and some bytes of header.
    expect(f.historyRows).toBe(1);
    expect(f.edits).toBe(1000);
    expect(f.historyPer1000).toBeGreaterThanOrEqual(999);
    expect(f.historyPer1000).toBeLessThan(1200);
  });

  it("the demo concept typed by two people taking turns per paragraph", async () => {
    // Two clients in sync, as two browsers would be; each keystroke is one update of its author.
    const a = new Y.Doc();
    const b = new Y.Doc();
    const edits: Edit[] = [];
    a.on("update", (data: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      edits.push({ data, userId: "u-a" });
      Y.applyUpdate(b, data, "remote");
    });
    b.on("update", (data: Uint8Array, origin: unknown) => {
      if (origin === "remote") return;
      edits.push({ data, userId: "u-b" });
      Y.applyUpdate(a, data, "remote");
    });
    const texts = paragraphs(kip3Concept.content);
    let typed = 0;
    for (const [k, words] of texts.entries()) {
      const doc = k % 2 === 0 ? a : b;
      const content = doc.getXmlFragment(CONTENT_FIELD);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      content.insert(content.length, [paragraph]);
      const text = paragraph.get(0) as Y.XmlText;
      for (const ch of words) text.insert(text.length, ch);
      typed += words.length;
    }
    const f = await measure("concept", edits);
    expect(f.historyRows).toBe(texts.length);
    // At least the text itself; little more than the snapshot of the whole text (a row's
    // header and its paragraph's structure), where one item per keystroke would be five times it.
    expect(f.historyPer1000 * edits.length).toBeGreaterThanOrEqual(typed * 1000);
    expect((f.historyPer1000 * edits.length) / 1000).toBeLessThan(1.5 * f.snapshot);
    expect(f.historyPer1000).toBeLessThan(f.logPer1000 / 5);
  });
});
