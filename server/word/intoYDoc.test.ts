import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readThreads } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { readWordOrigins, wordOriginKey } from "../../shared/word/origins.ts";
import { type Importer, importedContent, importedUpdate } from "./importDocument.ts";
import type { ImportedDocx } from "./imported.ts";
import { originOf, schema, writeOrigins } from "./intoYDoc.ts";

/** What the import writes into a new document: the judged update, then the origins. */
function writeImported(
  ydoc: Y.Doc,
  file: ImportedDocx,
  content: ReturnType<typeof importedContent>,
  importer: Importer,
) {
  const { updates, origins } = importedUpdate(file, content, importer);
  for (const update of updates) Y.applyUpdate(ydoc, update);
  writeOrigins(ydoc, origins);
}

const ANNA = { id: "u-anna", name: "Anna Importer", orgId: "kanton-so" };
const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const ins = (id: string) => [{ type: "insertion", attrs: { id } }];
const del = (id: string) => [{ type: "deletion", attrs: { id } }];

/** "Hello brave old world." with "brave " inserted by Bea, "old " deleted by Carl, and a thread on "world". */
function imported(): ImportedDocx {
  const doc: JSONContent = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [text("Hello "), text("brave ", ins("w:1")), text("old ", del("w:2")), text("world.")],
      },
      { type: "paragraph", content: [text("Second "), text("line", ins("w:1"))] },
    ],
  };
  // "world" starts after "Hello brave old " (16 characters) inside the first paragraph (position 1).
  return {
    doc,
    revisions: {
      "w:1": { author: "Bea Word", date: "2024-03-01T10:00:00Z" },
      "w:2": { author: "Carl Word", date: "2024-03-02T11:30:00" },
    },
    threads: [
      {
        wordId: "0",
        author: "Bea Word",
        date: "2024-03-03T09:00:00Z",
        text: "Which world?",
        range: { from: 17, to: 22 },
        resolved: true,
        replies: [{ wordId: "1", author: "Carl Word", date: null, text: "This one." }],
      },
    ],
    language: "de-CH",
    report: {
      imported: {
        paragraphs: 2,
        headings: 0,
        listItems: 0,
        tables: 0,
        links: 0,
        insertions: 1,
        deletions: 1,
        threads: 1,
        replies: 1,
      },
      skipped: {},
    },
  };
}

describe("writing an imported Word file into a Y doc", () => {
  it("gives every revision key one suggestion id of the importer and records its Word origin", () => {
    const ydoc = new Y.Doc();
    const at = Date.UTC(2026, 0, 1);
    const file = imported();
    const content = importedContent(file, ANNA, at);
    writeImported(ydoc, file, content, ANNA);
    const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(CONTENT_FIELD), schema);

    const ids = new Set<string>();
    doc.descendants((n) => {
      for (const m of n.marks) ids.add(m.attrs.id as string);
    });
    // "w:1" appears in two paragraphs and stays one suggestion.
    expect(ids.size).toBe(2);
    for (const id of ids) expect(parseSuggestionId(id)).toEqual({ userId: ANNA.id, orgId: ANNA.orgId, at });
    const origins = readWordOrigins(ydoc);
    const bea = content.ids.get("w:1") as string;
    const carl = content.ids.get("w:2") as string;
    expect(origins.get(wordOriginKey.suggestion(bea))).toEqual({
      author: "Bea Word",
      date: "2024-03-01T10:00:00.000Z",
    });
    // A date without offset is read as UTC.
    expect(origins.get(wordOriginKey.suggestion(carl))).toEqual({
      author: "Carl Word",
      date: "2024-03-02T11:30:00.000Z",
    });

    expect(withAllAccepted(doc).textBetween(0, withAllAccepted(doc).content.size, "\n")).toBe(
      "Hello brave world.\nSecond line",
    );
    expect(withAllRejected(doc).textBetween(0, withAllRejected(doc).content.size, "\n")).toBe(
      "Hello old world.\nSecond ",
    );
  });

  it("creates the threads as the importer's with replies, resolved state, anchors and Word origins", () => {
    const ydoc = new Y.Doc();
    const file = imported();
    writeImported(ydoc, file, importedContent(file, ANNA, Date.now()), ANNA);
    const [thread] = readThreads(ydoc);
    expect(thread).toMatchObject({
      authorId: ANNA.id,
      authorName: ANNA.name,
      text: "Which world?",
      quote: "world",
      resolved: true,
    });
    expect(thread?.replies.map((r) => [r.authorId, r.text])).toEqual([[ANNA.id, "This one."]]);
    const origins = readWordOrigins(ydoc);
    expect(origins.get(wordOriginKey.thread(thread?.id ?? ""))).toEqual({
      author: "Bea Word",
      date: "2024-03-03T09:00:00.000Z",
    });
    expect(origins.get(wordOriginKey.reply(thread?.replies[0]?.id ?? ""))).toEqual({ author: "Carl Word", date: null });
  });

  it("refuses content that does not fit the schema before anything is written", () => {
    const file = imported();
    file.doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "bogus" }] }] };
    expect(() => importedContent(file, ANNA, Date.now())).toThrow(/schema/);
  });

  it("keeps no origin without an author and no unreadable date", () => {
    expect(originOf({ author: "  ", date: null })).toBeNull();
    expect(originOf({ author: "X".repeat(300), date: "yesterday" })).toEqual({ author: "X".repeat(200), date: null });
  });
});
