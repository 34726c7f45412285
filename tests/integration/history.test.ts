import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ComparisonView } from "../../shared/api/comparison.ts";
import type { HistoryEntry } from "../../shared/api/history.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { apiClient } from "../helpers/api.ts";
import { awayFromQuarterHourEdge } from "../helpers/quarterHour.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textHolding, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";

/** The text of every node with `mark` in a redline, joined. */
function marked(doc: JSONContent, mark: "insertion" | "deletion"): string {
  if (doc.type === "text") return doc.marks?.some((m) => m.type === mark) ? (doc.text ?? "") : "";
  return (doc.content ?? []).map((c) => marked(c, mark)).join("");
}

/** Types `word` at the end of the document's last paragraph, one update per keystroke. */
function typeKeys(doc: Y.Doc, word: string): void {
  const content = doc.getXmlFragment(CONTENT_FIELD);
  const paragraph = content.get(content.length - 1) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  for (const ch of word) text.insert(text.length, ch);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the Verlauf: sessions of two people, kept through compaction, restorable (real server, y-websocket)", async () => {
  await awayFromQuarterHourEdge();
  // No compaction while people type; an empty room unloads at once and folds its log.
  const server = await startTestServer({ COMPACT_THRESHOLD: "100000", ROOM_IDLE_MS: "0" });
  const api = apiClient(server.url);
  const andrea = await login(server.url, "andrea.meier@so.ch"); // owner
  const lukas = await login(server.url, "lukas.frei@so.ch"); // editor
  const marco = await login(server.url, "marco.rossi@sem.admin.ch"); // commenter
  const claire = await login(server.url, "claire.dubois@sem.admin.ch"); // suggester
  const stranger = await login(server.url, "sandra.keller@sem.admin.ch"); // administrator, no member
  const history = async (cookie = andrea) => {
    const res = await api<HistoryEntry[]>("GET", `/api/documents/${CONCEPT}/history`, { cookie });
    expect(res.status).toBe(200);
    return res.body;
  };
  const redlineOf = async (id: string) => {
    const res = await api<ComparisonView>("GET", `/api/documents/${CONCEPT}/history/${id}`, { cookie: andrea });
    expect(res.status).toBe(200);
    return res.body;
  };
  const snapshot = async () => {
    const entries = await history();
    return { entries, redlines: await Promise.all(entries.map((e) => redlineOf(e.id))) };
  };
  /** The stored state: the last sequence number and the text a fresh client loads. */
  const stored = async () => {
    const state = await server.store.loadState(CONCEPT);
    const doc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const u of state.updates) Y.applyUpdate(doc, u);
    return { lastSeq: await server.store.lastSeqOf(CONCEPT), text: textOf(doc) };
  };

  let andreasText = "";
  let andreasEntry = "";
  let before: Awaited<ReturnType<typeof snapshot>>;

  it("lists Andrea's and Lukas's turns as entries of their own, newest first, with the redline of each", async () => {
    const a = connectClient(server.url, CONCEPT, andrea, { reconnect: false });
    const l = connectClient(server.url, CONCEPT, lukas, { reconnect: false });
    await Promise.all([a.synced, l.synced]);
    appendParagraph(a.doc, "Andrea");
    typeKeys(a.doc, " ergänzt den Absatz.");
    await eventually(() => textOf(l.doc).includes("Andrea ergänzt den Absatz."), "Andrea's text at Lukas");
    andreasText = textOf(a.doc);
    const { text, at } = textHolding(l.doc, "bewährte ");
    l.doc.transact(() => text.delete(at, "bewährte ".length));
    typeKeys(l.doc, " Lukas");
    await eventually(() => textOf(a.doc).includes("Absatz. Lukas") && !textOf(a.doc).includes("bewährte "), "sync");
    // Committed: the log holds every keystroke.
    await until(async () => (await stored()).text === textOf(a.doc), "the log");

    before = await snapshot();
    const [newest, second] = before.entries;
    expect(newest?.users).toEqual([{ id: "u-lukas", name: "Lukas Frei" }]);
    expect(second?.users).toEqual([{ id: "u-andrea", name: "Andrea Meier" }]);
    andreasEntry = second?.id ?? "";
    // Entries partition the log: contiguous, newest first, up to the last update.
    const ranges = before.entries.map((e) => e.id.split("-").map(Number) as [number, number]);
    expect(ranges[0]?.[1]).toBe((await stored()).lastSeq);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k]?.[1]).toBe((ranges[k - 1]?.[0] ?? 0) - 1);
    for (const e of before.entries) expect(Date.parse(e.from)).toBeLessThanOrEqual(Date.parse(e.to));

    const lukasRedline = before.redlines[0] as ComparisonView;
    expect(marked(lukasRedline.doc as JSONContent, "deletion")).toContain("bewährte");
    expect(marked(lukasRedline.doc as JSONContent, "insertion")).toContain("Lukas");
    expect(marked(lukasRedline.doc as JSONContent, "insertion")).not.toContain("Andrea");
    expect(new Set(Object.values(lukasRedline.changes).map((c) => c.name))).toEqual(new Set(["Lukas Frei"]));
    const andreasRedline = before.redlines[1] as ComparisonView;
    expect(marked(andreasRedline.doc as JSONContent, "insertion")).toContain("Andrea ergänzt den Absatz.");
    expect(marked(andreasRedline.doc as JSONContent, "deletion")).toBe("");
    a.destroy();
    l.destroy();
  }, 60_000);

  it("keeps the same entries (ids, people, times) and the same redlines once compaction folded the log", async () => {
    await until(async () => (await server.store.tailLength(CONCEPT)) === 0, "compaction on unload");
    const after = await snapshot();
    expect(after.entries).toEqual(before.entries);
    expect(after.redlines).toEqual(before.redlines);
  }, 60_000);

  it("answers members only: a stranger and a signed-out caller learn nothing, an unknown document is 404", async () => {
    expect((await history(marco)).map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
    for (const path of [`/api/documents/${CONCEPT}/history`, `/api/documents/${CONCEPT}/history/${andreasEntry}`]) {
      const denied = await api("GET", path, { cookie: stranger });
      expect(denied.status).toBe(403);
      expect(denied.text).not.toMatch(/Andrea|Lukas|Absatz/);
      expect((await api("GET", path)).status).toBe(401);
    }
    expect((await api("GET", "/api/documents/no-such-doc/history", { cookie: andrea })).status).toBe(404);
  });

  it("refuses forged entry ids: malformed, reversed, out of range or not at a boundary of the history", async () => {
    const [first, last] = andreasEntry.split("-").map(Number) as [number, number];
    expect(last - first).toBeGreaterThan(2); // a run of keystrokes, folded into one history row
    const forged = [
      "abc",
      "0-1",
      `${last}-${first}`,
      `${first + 1}-${last}`, // inside the folded run
      `${first}-${last - 1}`,
      `${first}-99999999`,
      "1-99999999999999999999",
      `${first}-${last}-1`,
      `-${first}-${last}`,
      `${first}.0-${last}`,
    ];
    const seenBefore = await stored();
    for (const id of forged) {
      const path = `/api/documents/${CONCEPT}/history/${encodeURIComponent(id)}`;
      expect((await api("GET", path, { cookie: andrea })).status, id).toBe(404);
      expect((await api("POST", `${path}/restore`, { cookie: andrea })).status, id).toBe(404);
    }
    expect(await stored()).toEqual(seenBefore);
  });

  it("refuses the restore to a commenter, a suggester and a stranger, and stores nothing", async () => {
    const seenBefore = await stored();
    for (const [cookie, status] of [
      [marco, 403],
      [claire, 403],
      [stranger, 403],
    ] as const) {
      const res = await api("POST", `/api/documents/${CONCEPT}/history/${andreasEntry}/restore`, { cookie });
      expect(res.status).toBe(status);
    }
    expect(await stored()).toEqual(seenBefore);
    expect(seenBefore.text).not.toBe(andreasText);
  });

  it("puts Andrea's state back as a new change by Lukas, at both clients, and lists it as his newest entry", async () => {
    const a = connectClient(server.url, CONCEPT, andrea, { reconnect: false });
    const m = connectClient(server.url, CONCEPT, marco, { reconnect: false });
    await Promise.all([a.synced, m.synced]);
    const seqBefore = (await stored()).lastSeq;
    const res = await api("POST", `/api/documents/${CONCEPT}/history/${andreasEntry}/restore`, { cookie: lukas });
    expect(res.status).toBe(204);
    await eventually(() => textOf(a.doc) === andreasText && textOf(m.doc) === andreasText, "restored at both");
    await until(async () => (await stored()).text === andreasText, "restore stored");
    expect((await stored()).lastSeq).toBeGreaterThan(seqBefore);
    // Lukas's change: within his turn's quarter hour it joins his newest entry (no one typed between).
    const [newest] = await history();
    expect(newest?.users).toEqual([{ id: "u-lukas", name: "Lukas Frei" }]);
    expect(Number(newest?.id.split("-")[1])).toBe((await stored()).lastSeq);
    expect((await history()).map((e) => e.id)).toContain(andreasEntry);
    a.destroy();
    m.destroy();
  }, 60_000);

  it("refuses the restore while a milestone locks the document, and stores nothing", async () => {
    const milestone = await api("POST", `/api/documents/${CONCEPT}/milestones`, { cookie: andrea, json: {} });
    expect(milestone.status).toBe(201);
    const seenBefore = await stored();
    const [, older] = await history();
    const res = await api("POST", `/api/documents/${CONCEPT}/history/${older?.id}/restore`, { cookie: andrea });
    expect(res.status).toBe(409);
    expect(await stored()).toEqual(seenBefore);
  });
});
