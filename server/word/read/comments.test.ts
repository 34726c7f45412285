import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { specDocx, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { readDocx } from "./index.ts";

const schema = getSchema(schemaExtensions());

const comment = (id: string, author: string, text: string, paraId: string) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="2024-05-01T09:00:00Z"><w:p w14:paraId="${paraId}">${wr(text)}</w:p></w:comment>`;

/** Two commented passages; comment 1 answers comment 0, comment 2 stands alone. */
const body = wp(
  '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' +
    wr("Erste Stelle") +
    '<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/>' +
    '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r>' +
    wr(" und ") +
    '<w:commentRangeStart w:id="2"/>' +
    wr("zweite Stelle") +
    '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>',
);
const comments =
  comment("0", "Claire", "Frage?", "0000000A") +
  comment("1", "Daniel", "Antwort.", "0000000B") +
  comment("2", "Claire", "Anderes.", "0000000C");

describe("comments and threads", () => {
  it("groups replies by commentsExtended's paraIdParent and reads done as resolved", async () => {
    const file = specDocx({
      body,
      comments,
      commentsExtended:
        '<w15:commentEx w15:paraId="0000000A" w15:done="1"/>' +
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="1"/>' +
        '<w15:commentEx w15:paraId="0000000C" w15:done="0"/>',
    });
    const { threads, report, doc } = await readDocx(file);
    const node = schema.nodeFromJSON(doc);
    expect(
      threads.map((t) => ({
        id: t.wordId,
        author: t.author,
        resolved: t.resolved,
        replies: t.replies.map((r) => [r.author, r.text, r.date]),
        text: t.range && node.textBetween(t.range.from, t.range.to),
      })),
    ).toEqual([
      {
        id: "0",
        author: "Claire",
        resolved: true,
        replies: [["Daniel", "Antwort.", "2024-05-01T09:00:00Z"]],
        text: "Erste Stelle",
      },
      { id: "2", author: "Claire", resolved: false, replies: [], text: "zweite Stelle" },
    ]);
    expect(report.imported.threads).toBe(2);
    expect(report.imported.replies).toBe(1);
  });

  it("without commentsExtended.xml makes every comment its own thread, even two on one range", async () => {
    const { threads } = await readDocx(specDocx({ body, comments }));
    expect(threads.map((t) => [t.wordId, t.replies.length, t.resolved])).toEqual([
      ["0", 0, false],
      ["1", 0, false],
      ["2", 0, false],
    ]);
  });

  it("survives a loop in the threading and a parent that does not exist", async () => {
    const { threads } = await readDocx(
      specDocx({
        body,
        comments,
        commentsExtended:
          '<w15:commentEx w15:paraId="0000000A" w15:paraIdParent="0000000B"/>' +
          '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A"/>' +
          '<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="DEADBEEF"/>',
      }),
    );
    // Each comment is in exactly one thread; none is lost.
    const all = threads.flatMap((t) => [t.wordId, ...t.replies.map((r) => r.wordId)]).sort();
    expect(all).toEqual(["0", "1", "2"]);
  });

  it("gives a comment with only a reference no range, and keeps multi-paragraph comment text", async () => {
    const { threads } = await readDocx(
      specDocx({
        body: wp(`${wr("Text")}<w:r><w:commentReference w:id="7"/></w:r>`),
        comments: `<w:comment w:id="7" w:author="Eva"><w:p>${wr("Zeile 1")}</w:p><w:p>${wr("Zeile 2")}</w:p></w:comment>`,
      }),
    );
    expect(threads).toEqual([
      { wordId: "7", author: "Eva", date: null, text: "Zeile 1\nZeile 2", replies: [], resolved: false, range: null },
    ]);
  });
});

describe("threads of many comments", () => {
  it("puts every comment of a long chain of replies into the root's thread, once", async () => {
    const n = 3000;
    const chain = Array.from({ length: n }, (_, i) => comment(String(i), "K", `c${i}`, `P${i}`)).join("");
    const extended = Array.from(
      { length: n },
      (_, i) => `<w15:commentEx w15:paraId="P${i}"${i > 0 ? ` w15:paraIdParent="P${i - 1}"` : ""}/>`,
    ).join("");
    const { threads } = await readDocx(specDocx({ body: wp(wr("x")), comments: chain, commentsExtended: extended }));
    expect(threads).toHaveLength(1);
    expect(threads[0]?.replies.map((r) => r.wordId)).toEqual(Array.from({ length: n - 1 }, (_, i) => String(i + 1)));
  });
});
