import { getSchema, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { libreOfficeComments } from "../../../tests/helpers/libreOfficeConvert.ts";
import type { ExportThread } from "../../export/changes.ts";
import { docxOf } from "../../export/docx/index.ts";
import type { ExportMeta } from "../../export/meta.ts";
import { readDocx } from "./index.ts";

const schema = getSchema(schemaExtensions());

const META: ExportMeta = {
  title: "Rundreise",
  documentId: "doc-1",
  kindLabel: "Konzept",
  milestone: null,
  versionId: null,
  seq: null,
  contentHash: null,
  chainHash: null,
  frozenAt: "2024-01-01T00:00:00Z",
  frozenBy: null,
  draft: true,
  approvals: [],
};

const SUGGESTION = "s1|u-anna|org-ag|1709287200000|a1b2c3";
const doc: JSONContent = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Das Wirkungsziel gilt." }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Frist " },
        { type: "text", text: "neu", marks: [{ type: "insertion", attrs: { id: SUGGESTION } }] },
      ],
    },
  ],
};

describe("our DOCX export's comments and tracked changes read back", () => {
  it("keeps threads with replies, resolved state, authors, dates and ranges, and the changes' authors", async () => {
    const node = schema.nodeFromJSON(doc);
    // "Wirkungsziel" in the first paragraph: positions 5..17.
    const from = 5;
    const to = 17;
    expect(node.textBetween(from, to)).toBe("Wirkungsziel");
    expect(node.textBetween(25, 30)).toBe("Frist");
    const threads: ExportThread[] = [
      {
        id: "t1",
        author: "Claire Chappuis",
        at: "2024-03-04T08:00:00.000Z",
        text: "Quelle?",
        quote: "Wirkungsziel",
        resolved: false,
        range: { from, to },
        replies: [{ id: "r1", author: "Daniel Dubach", at: "2024-03-05T09:30:00.000Z", text: "SEM 2023." }],
      },
      {
        id: "t2",
        author: "Daniel Dubach",
        at: "2024-03-06T10:00:00.000Z",
        text: "Erledigt.",
        quote: "Frist",
        resolved: true,
        range: { from: 25, to: 30 },
        replies: [],
      },
    ];
    const docx = await docxOf(doc, META, {
      threads,
      attribution: () => ({ name: "Anna Amrein", at: "2024-03-01T10:00:00.000Z" }),
    });
    const imported = await readDocx(docx);
    const read = schema.nodeFromJSON(imported.doc);
    const view = imported.threads.map((t) => ({
      author: t.author,
      date: t.date && new Date(t.date).toISOString(),
      text: t.text,
      resolved: t.resolved,
      quote: t.range && read.textBetween(t.range.from, t.range.to),
      replies: t.replies.map((r) => [r.author, r.date && new Date(r.date).toISOString(), r.text]),
    }));
    expect(view).toEqual([
      {
        author: "Claire Chappuis",
        date: "2024-03-04T08:00:00.000Z",
        text: "Quelle?",
        resolved: false,
        quote: "Wirkungsziel",
        replies: [["Daniel Dubach", "2024-03-05T09:30:00.000Z", "SEM 2023."]],
      },
      {
        author: "Daniel Dubach",
        date: "2024-03-06T10:00:00.000Z",
        text: "Erledigt.",
        resolved: true,
        quote: "Frist",
        replies: [],
      },
    ]);
    expect(Object.values(imported.revisions).map((r) => [r.author, r.date && new Date(r.date).toISOString()])).toEqual([
      ["Anna Amrein", "2024-03-01T10:00:00.000Z"],
    ]);
    // LibreOffice reads the same comments from the file (through its ODT; see libreOfficeConvert.ts).
    const theirs = await libreOfficeComments(docx);
    expect(theirs.map((c) => [c.author, c.text, c.resolved]).sort()).toEqual([
      ["Claire Chappuis", "Quelle?", false],
      ["Daniel Dubach", "Erledigt.", true],
      ["Daniel Dubach", "SEM 2023.", false],
    ]);
  }, 60_000);
});
