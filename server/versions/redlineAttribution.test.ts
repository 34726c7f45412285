import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { setWordOrigin, wordOriginKey } from "../../shared/word/origins.ts";
import { docWith, HeadlessEditor, paragraph } from "../../tests/helpers/headlessEditor.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { AttributedUpdate } from "../store/ports/AttributionStore.ts";
import { indexUpdates } from "../sync/updateRanges.ts";
import { attributedRedline } from "./redlineAttribution.ts";

const FREEZER = { name: "Andrea Meier", at: "2026-11-01T08:00:00.000Z" };
const NAMES: Record<string, string> = { "u-lukas": "Lukas Frei", "u-claire": "Claire Dubois" };

/** A store that knows the given updates and names, nothing else. */
const storeOf = (updates: AttributedUpdate[]): Parameters<typeof attributedRedline>[0] => ({
  attributedUpdates: async () => updates,
  findUserById: async (id: string) => (NAMES[id] ? ({ id, name: NAMES[id] } as UserRow) : null),
  organisationName: async () => null,
});

/** Every mark's attribution in the redline, as `kind text: name`. */
function changes(doc: JSONContent, attribution: (id: unknown) => { name: string }): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    for (const m of n.marks ?? []) {
      if (m.type === "insertion" || m.type === "deletion")
        out.push(`${m.type} ${(n.text ?? "").replace(/\u200B/g, "¶")}: ${attribution(m.attrs?.id).name}`);
    }
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return out;
}

describe("redline attribution", () => {
  const base = () => {
    const ydoc = docWith([paragraph("Der Kanton setzt die Ziele um.")]);
    return { ydoc, editor: new HeadlessEditor(ydoc) };
  };
  const text = (editor: HeadlessEditor, ydoc: Y.Doc) => ({
    json: editor.json as JSONContent,
    state: Y.encodeStateAsUpdate(ydoc),
  });

  it("names whoever's update inserted or deleted each word, from the log or the index", async () => {
    const { ydoc, editor } = base();
    const from = text(editor, ydoc);
    const inserted = editor.edit((tr) => tr.insertText(" gemeinsam", 11));
    const deleted = editor.edit((tr) => tr.delete(32, 38));
    if (!inserted.ok || !inserted.update || !deleted.ok || !deleted.update) throw new Error("no update");
    const updates: AttributedUpdate[] = [
      {
        seq: 2,
        userId: "u-lukas",
        at: "2026-11-30T10:00:00.000Z",
        form: "index",
        data: indexUpdates([inserted.update]),
      },
      { seq: 3, userId: "u-claire", at: "2026-11-30T11:00:00.000Z", form: "update", data: deleted.update },
    ];
    const red = await attributedRedline(storeOf(updates), "d", from, text(editor, ydoc), FREEZER);
    expect(changes(red.doc, red.attribution)).toEqual([
      "insertion gemeinsam : Lukas Frei",
      "deletion Ziele : Claire Dubois",
    ]);
    const ids = (doc: JSONContent): unknown[] =>
      (doc.content ?? []).flatMap((c) => [...(c.marks ?? []).map((m) => m.attrs?.id), ...ids(c)]);
    expect(ids(red.doc).map((id) => red.attribution(id).at)).toEqual([
      "2026-11-30T10:00:00.000Z",
      "2026-11-30T11:00:00.000Z",
    ]);
  });

  it("names a pending suggestion's suggester at its time, or its Word author and date when it was imported", async () => {
    const ydoc = docWith([paragraph("Der Kanton setzt die Ziele um.")]);
    const claire = new HeadlessEditor(ydoc, { userId: "u-claire", orgId: "sem" });
    const from = text(claire, ydoc);
    const first = claire.edit((tr) => tr.insertText(" gemeinsam", 11), true, Date.parse("2026-11-29T08:00:00.000Z"));
    const second = claire.edit((tr) => tr.insertText(" bald", 27), true, Date.parse("2026-11-29T09:00:00.000Z"));
    if (!first.ok || !second.ok) throw new Error("refused");
    const ids = new Set<string>();
    claire.state.doc.descendants((n) => {
      for (const m of n.marks) if (m.type.name === "insertion") ids.add(String(m.attrs.id));
    });
    const [, imported] = [...ids];
    setWordOrigin(ydoc, wordOriginKey.suggestion(imported ?? ""), {
      author: "Hans Muster",
      date: "2024-03-01T10:00:00Z",
    });
    const red = await attributedRedline(storeOf([]), "d", from, text(claire, ydoc), FREEZER);
    expect(changes(red.doc, red.attribution)).toEqual([
      "insertion gemeinsam : Claire Dubois",
      "insertion bald : Hans Muster",
    ]);
  });

  it("falls back to the freezer where the log knows nothing", async () => {
    const { ydoc, editor } = base();
    const from = text(editor, ydoc);
    editor.edit((tr) => tr.insertText(" gemeinsam", 11));
    const red = await attributedRedline(storeOf([]), "d", from, text(editor, ydoc), FREEZER);
    expect(changes(red.doc, red.attribution)).toEqual(["insertion gemeinsam : Andrea Meier"]);
  });

  it("does not let a mark id that looks like a log key borrow that update's author", async () => {
    const { ydoc, editor } = base();
    const from = text(editor, ydoc);
    const typed = editor.edit((tr) => tr.insertText(" gemeinsam", 11));
    if (!typed.ok || !typed.update) throw new Error("no update");
    // A pending "suggestion" whose id is forged to read as update 1 of the log, by Lukas.
    const forged: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Der Kanton" },
            { type: "text", text: " heimlich", marks: [{ type: "insertion", attrs: { id: "u:1" } }] },
            { type: "text", text: " gemeinsam setzt die Ziele um." },
          ],
        },
      ],
    };
    const updates: AttributedUpdate[] = [
      { seq: 1, userId: "u-lukas", at: "2026-11-30T10:00:00.000Z", form: "update", data: typed.update },
    ];
    const red = await attributedRedline(
      storeOf(updates),
      "d",
      from,
      { json: forged, state: Y.encodeStateAsUpdate(ydoc) },
      FREEZER,
    );
    const heimlich = changes(red.doc, red.attribution).filter((c) => c.includes("heimlich"));
    expect(heimlich).toHaveLength(1);
    expect(heimlich[0]).toMatch(/: Andrea Meier$/);
  });
});
