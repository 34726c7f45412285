import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CheckResult } from "../../shared/api/checks.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { apiClient } from "../helpers/api.ts";
import { HeadlessEditor } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const CLAIRE = { userId: "u-claire", orgId: "sem" };

/** The text of the amount cell of `source` in the `area` row of the finance grid of `year`. */
function amountText(doc: Y.Doc, year: number, area: string, source: string): Y.XmlText {
  for (const table of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (!(table instanceof Y.XmlElement) || table.getAttribute("grid") !== "finance") continue;
    if ((table.getAttribute("year") as unknown) !== year) continue;
    for (const row of table.toArray()) {
      const cells = (row as Y.XmlElement).toArray() as Y.XmlElement[];
      if (cells[0]?.getAttribute("area") !== area) continue;
      const cell = cells.find((c) => c.getAttribute("source") === source);
      const text = (cell?.get(0) as Y.XmlElement | undefined)?.get(0);
      if (text instanceof Y.XmlText) return text;
    }
  }
  throw new Error(`no amount cell ${year} ${area} ${source}`);
}

/** Hand computation of the demo grid (server/seed/content/kip3Grids.ts), per year: Bund, Kanton, Gemeinden, Dritte. */
// Bund 250+300+120+110+90+60+70 = 1'000'000; Kanton 180+220+90+70+50+60+50 = 720'000;
// Gemeinden 80+100+30+50+40+10+20 = 330'000 (2026: 100 → 10 in Sprache: 240'000); Dritte 40+15+10 = 65'000.
// Canton side (communes counted): 1'050'000, in 2026 960'000 < 1'000'000.
// Period: Bund 4'000'000; Kanton 2'880'000; Gemeinden 3 × 330'000 + 240'000 = 1'230'000; Dritte 260'000;
// canton side 4'110'000 ≥ 4'000'000; total 8'370'000.
const HAND = {
  2024: {
    bund: 1_000_000,
    kanton: 720_000,
    gemeinden: 330_000,
    dritte: 65_000,
    cantonSide: 1_050_000,
    total: 2_115_000,
  },
  2026: { bund: 1_000_000, kanton: 720_000, gemeinden: 240_000, dritte: 65_000, cantonSide: 960_000, total: 2_025_000 },
  total: {
    bund: 4_000_000,
    kanton: 2_880_000,
    gemeinden: 1_230_000,
    dritte: 260_000,
    cantonSide: 4_110_000,
    total: 8_370_000,
  },
};

describe("the finance grid on the raw protocol and in the checks", async () => {
  const server = await startTestServer();
  const api = apiClient(server.url);
  const claire = await login(server.url, "claire.dubois@sem.admin.ch"); // suggester on the concept
  const lukas = await login(server.url, "lukas.frei@so.ch"); // editor
  const checksOf = async (documentId: string) => {
    const res = await api<CheckResult[]>("GET", `/api/documents/${documentId}/checks`, { cookie: lukas });
    expect(res.status).toBe(200);
    return (res.body as CheckResult[]).filter((r) => r.id === "finance.matching");
  };
  const stored = async () => textOf(await storedDoc(server, CONCEPT));

  /** Sends `write` as `cookie` on the concept; expects 4422 and the store, a fresh client and a watcher unchanged. */
  async function expectRefused(cookie: string, write: (doc: Y.Doc) => void): Promise<void> {
    const watcher = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    const attacker = connectClient(server.url, CONCEPT, cookie, { reconnect: false });
    await Promise.all([watcher.synced, attacker.synced]);
    const before = textOf(watcher.doc);
    expect(await stored()).toBe(before);
    write(attacker.doc);
    expect(textOf(attacker.doc)).not.toBe(before);
    expect((await attacker.closed).code).toBe(CloseCode.UpdateRefused);
    expect(await stored()).toBe(before);
    const fresh = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await fresh.synced;
    expect(textOf(fresh.doc)).toBe(before);
    expect(textOf(watcher.doc)).toBe(before);
    for (const c of [watcher, attacker, fresh]) c.destroy();
  }

  it("gives the matching check's figures of the demo agreement as computed by hand", async () => {
    const results = await checksOf(AGREEMENT);
    expect(results.map((r) => [r.params.year, r.ok])).toEqual([
      [2024, true],
      [2025, true],
      [2026, false],
      [2027, true],
      ["total", true],
    ]);
    for (const [year, figures] of Object.entries(HAND)) {
      const result = results.find((r) => String(r.params.year) === year);
      expect(result?.params).toMatchObject({ ...figures, countsCommunes: 1 });
    }
    expect(results.find((r) => r.params.year === 2026)?.where).toEqual({ kind: "grid", id: "finance:2026" });
  });

  it("refuses an editor's non-number in an amount cell with 4422 and stores nothing", async () => {
    await expectRefused(lukas, (doc) => amountText(doc, 2026, "fb2", "kanton").insert(0, "ca. "));
  });

  it("refuses a suggester's suggestion of a non-number in an amount cell, under her own name, with 4422", async () => {
    const insertion = { insertion: { id: makeSuggestionId(CLAIRE, Date.now(), "f1n4nc3") } };
    await expectRefused(claire, (doc) => amountText(doc, 2026, "fb2", "kanton").insert(7, " (offen)", insertion));
  });

  it("refuses renaming a Förderbereich row with 4422", async () => {
    await expectRefused(lukas, (doc) => {
      const label = amountText(doc, 2024, "fb2", "bund").parent?.parent?.parent as Y.XmlElement;
      const text = ((label.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, "Deutsch und ");
    });
  });

  it("accepts a valid amount from an editor: stored, and the check turns green for 2026", async () => {
    const writer = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await writer.synced;
    expect((await checksOf(CONCEPT)).find((r) => r.params.year === 2026)?.ok).toBe(false);
    const editor = new HeadlessEditor(writer.doc);
    let range = null as [number, number] | null;
    editor.state.doc.descendants((node, pos) => {
      if (range || node.type.name !== "table" || node.attrs.year !== 2026) return !range;
      node.forEach((row, rowOffset) => {
        if (row.child(0).attrs.area !== "fb2") return;
        row.forEach((cell, cellOffset) => {
          if (cell.attrs.source !== "kanton") return;
          const start = pos + 1 + rowOffset + 1 + cellOffset + 2;
          range = [start, start + cell.child(0).content.size];
        });
      });
      return false;
    });
    if (!range) throw new Error("no cell");
    const [from, to] = range;
    expect(editor.edit((tr) => tr.insertText("260'000", from, to)).ok).toBe(true);
    await eventually(() => amountText(writer.doc, 2026, "fb2", "kanton").toString() === "260'000", "the edit");
    await expect.poll(async () => textOf(await storedDoc(server, CONCEPT)).includes("260'000")).toBe(true);
    expect(writer.provider.wsconnected).toBe(true);
    const after = await checksOf(CONCEPT);
    expect(after.find((r) => r.params.year === 2026)?.params).toMatchObject({ kanton: 760_000, cantonSide: 1_000_000 });
    expect(after.every((r) => r.ok)).toBe(true);
    writer.destroy();
  });
});
