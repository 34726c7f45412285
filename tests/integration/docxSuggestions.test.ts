import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { docxOf } from "../../server/export/docx/index.ts";
import type { ExportMeta } from "../../server/export/meta.ts";
import { suggestionAttribution } from "../../server/versions/render.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../helpers/headlessEditor.ts";
import { libreOfficeOutcomes } from "../helpers/libreOffice.ts";
import { all, docxParts, first, type XmlElement } from "../helpers/xmlTree.ts";

const META: ExportMeta = {
  title: "Vorschläge",
  documentId: "d1",
  kindLabel: "Konzept",
  milestone: null,
  versionId: null,
  seq: null,
  contentHash: null,
  chainHash: null,
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: null,
  draft: true,
  approvals: [],
};
/** The paragraph after which the exported text begins (the title and cover come before it). */
const START = "Anfang";
const ANNA = { userId: "u-anna", orgId: "org-so" };
const BEAT = { userId: "u-beat", orgId: "org-sem" };
const ANNA_AT = Date.parse("2026-11-27T09:30:00Z");
const BEAT_AT = Date.parse("2026-11-27T14:05:00Z");
const NAMES = { "u-anna": "Anna Muster", "u-beat": "Beat Keller" };

const item = (text: string) => ({ type: "listItem", content: [paragraph(text)] });
const cell = (type: string, text: string) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(text)],
});
const row = (type: string, ...texts: string[]) => ({ type: "tableRow", content: texts.map((t) => cell(type, t)) });

/** Where `text` starts in the document (the first match). */
function posOf(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const i = node.isText ? (node.text ?? "").indexOf(text) : -1;
    if (i >= 0) found = pos + i;
    return true;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

/** The text lines of a document's blocks from START on, the way LibreOffice's text export prints them. */
function lines(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    out.push(node.textContent.replace(/\u200B/g, ""));
    return false;
  });
  return out.slice(out.indexOf(START));
}
const loLines = (text: string) => {
  const all = text.split(/\r?\n/).map((l) => l.replace(/^\s*(?:[•◦▪]|\d+\.)\s*/, "").trimEnd());
  const from = all.slice(all.indexOf(START));
  // The text export ends with a line break.
  return from.at(-1) === "" ? from.slice(0, -1) : from;
};

/** A document with one pending suggestion of every shape the editor makes, by two authors. */
function suggestedDocument(): JSONContent {
  const ydoc = docWith([
    paragraph(START),
    paragraph("Alpha Beta"),
    paragraph("Delta Epsilon"),
    paragraph("Zeta Eta"),
    paragraph("Theta"),
    paragraph("Iota"),
    paragraph("Kappa"),
    { type: "bulletList", content: [item("Mu"), item("Xi")] },
    {
      type: "table",
      content: [row("tableHeader", "Förderbereich", "Wirkungsziel"), row("tableCell", "Omikron", "Pi")],
    },
    paragraph("Ende"),
  ]);
  const anna = new HeadlessEditor(ydoc, ANNA);
  const beat = new HeadlessEditor(ydoc, BEAT);
  const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);
  ok(anna.edit((tr) => tr.insertText(" Gamma", posOf(tr.doc, " Beta")), true, ANNA_AT));
  ok(beat.edit((tr) => tr.delete(posOf(tr.doc, " Epsilon"), posOf(tr.doc, " Epsilon") + 8), true, BEAT_AT));
  ok(anna.edit((tr) => tr.split(posOf(tr.doc, " Eta")), true, ANNA_AT));
  ok(beat.edit((tr) => tr.join(posOf(tr.doc, "Iota") - 1), true, BEAT_AT));
  // A new paragraph: Enter at the end of "Kappa", then its text.
  ok(anna.edit((tr) => tr.split(posOf(tr.doc, "Kappa") + 5), true, ANNA_AT));
  ok(anna.edit((tr) => tr.insertText("Lambda", posOf(tr.doc, "Kappa") + 5 + 3), true, ANNA_AT));
  // A new list item: Enter at the end of "Mu" (in its list item), then its text.
  ok(beat.edit((tr) => tr.split(posOf(tr.doc, "Mu") + 2, 2), true, BEAT_AT));
  ok(beat.edit((tr) => tr.insertText("Nu", posOf(tr.doc, "Mu") + 2 + 5), true, BEAT_AT));
  // Text in a table cell.
  ok(anna.edit((tr) => tr.insertText(" Rho", posOf(tr.doc, "Pi") + 2), true, ANNA_AT));
  return anna.json as JSONContent;
}

describe("pending suggestions in the DOCX, as LibreOffice accepts and rejects them", () => {
  it("gives exactly the accepted and the rejected text, with the suggesters' names and times", async () => {
    const json = suggestedDocument();
    const node = schema.nodeFromJSON(json);
    const attribution = await suggestionAttribution({} as never, json, {
      recorded: NAMES,
      fallbackAt: META.frozenAt ?? "",
    });
    const outcome = await libreOfficeOutcomes(await docxOf(json, META, { attribution }));
    // Paragraph by paragraph: no empty paragraph or bullet left by a split, a join, a new paragraph or list item.
    expect(loLines(outcome.accepted)).toEqual(lines(withAllAccepted(node)));
    expect(loLines(outcome.rejected)).toEqual(lines(withAllRejected(node)));
    const authors = new Set(outcome.redlines.map((r) => `${r.author} ${r.date}`));
    expect(authors).toEqual(new Set(["Anna Muster 2026-11-27T09:30:00", "Beat Keller 2026-11-27T14:05:00"]));
  }, 60_000);

  it("tracks a whole inserted and a whole deleted table row as rows: no empty row is left", async () => {
    const ins = [{ type: "insertion", attrs: { id: makeSuggestionId(BEAT, BEAT_AT, "rowins01") } }];
    const del = [{ type: "deletion", attrs: { id: makeSuggestionId(ANNA, ANNA_AT, "rowdel01") } }];
    const marked = (type: string, text: string, marks: unknown[]) => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [{ type: "paragraph", content: [{ type: "text", text, marks }] }],
    });
    const json = schema
      .nodeFromJSON({
        type: "doc",
        content: [
          paragraph(START),
          {
            type: "table",
            content: [
              row("tableHeader", "Bereich", "Ziel"),
              row("tableCell", "Sprache", "Kurse"),
              // A new row with an empty cell: its anchor carries the insertion too.
              { type: "tableRow", content: [marked("tableCell", "Arbeit", ins), marked("tableCell", "\u200B", ins)] },
              { type: "tableRow", content: [marked("tableCell", "Alt", del), marked("tableCell", "weg", del)] },
            ],
          },
          paragraph("Ende"),
        ],
      })
      .toJSON() as JSONContent;
    const attribution = await suggestionAttribution({} as never, json, {
      recorded: NAMES,
      fallbackAt: META.frozenAt ?? "",
    });
    const bytes = await docxOf(json, META, { attribution });
    const outcome = await libreOfficeOutcomes(bytes);
    expect(loLines(outcome.accepted)).toEqual([START, "Bereich", "Ziel", "Sprache", "Kurse", "Arbeit", "", "Ende"]);
    expect(loLines(outcome.rejected)).toEqual([START, "Bereich", "Ziel", "Sprache", "Kurse", "Alt", "weg", "Ende"]);
    // The rows themselves are the revisions (w:trPr), by their suggesters.
    const rows = all(docxParts(bytes)["word/document.xml"] as XmlElement, "w:tr");
    const rowChange = (r: XmlElement | undefined) => {
      const trPr = r ? first(r, "w:trPr") : undefined;
      const change = trPr?.children.find((c) => c.name === "w:ins" || c.name === "w:del");
      return change ? `${change.name} ${change.attributes["w:author"]}` : null;
    };
    expect(rows.map(rowChange)).toEqual([null, null, "w:ins Beat Keller", "w:del Anna Muster"]);
  }, 60_000);

  it("shows format changes and heading level changes as LibreOffice format redlines", async () => {
    const id = makeSuggestionId(ANNA, ANNA_AT, "format01");
    const json: JSONContent = {
      type: "doc",
      content: [
        {
          type: "heading",
          attrs: { level: 3 },
          marks: [
            { type: "modification", attrs: { id, type: "attr", attrName: "level", previousValue: 2, newValue: 3 } },
          ],
          content: [{ type: "text", text: "Ziele" }],
        },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "fett",
              marks: [
                { type: "bold" },
                {
                  type: "modification",
                  attrs: { id, type: "marks", attrName: null, previousValue: [], newValue: null },
                },
              ],
            },
          ],
        },
      ],
    };
    const attribution = await suggestionAttribution({} as never, json, {
      recorded: NAMES,
      fallbackAt: META.frozenAt ?? "",
    });
    const outcome = await libreOfficeOutcomes(await docxOf(json, META, { attribution }));
    const types = outcome.redlines.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["Format", "ParagraphFormat"]));
    for (const r of outcome.redlines) expect(r.author).toBe("Anna Muster");
  }, 60_000);
});
