import { describe, expect, it } from "vitest";
import { makeSuggestionId, randomToken } from "../../shared/suggestions/ids.ts";
import { fileBackTarget } from "./fileBackTarget.ts";
import { DocxImportError } from "./imported.ts";
import { schema } from "./intoYDoc.ts";

const newId = () => makeSuggestionId({ userId: "u-anna", orgId: "sem" }, Date.now(), randomToken());
const paragraphs = (n: number, text: (i: number) => string) =>
  schema.node(
    "doc",
    null,
    Array.from({ length: n }, (_, i) => {
      const t = text(i);
      return schema.node("paragraph", null, t ? [schema.text(t)] : []);
    }),
  );

describe("the alignment of a file that comes back is bounded", () => {
  it("refuses a file whose blocks times VERSION's exceed the alignment's budget as too complex (it was a table of that many cells)", () => {
    // 30 000 empty paragraphs are a few kilobytes zipped and well inside the reader's element
    // limit; against a 1000-block version the block alignment allocated 30 million cells and
    // filled them in one turn of the event loop, for every such upload.
    const version = paragraphs(1000, (i) => `Absatz ${i}`);
    const file = paragraphs(30_000, () => "");
    let error: unknown = null;
    try {
      fileBackTarget(schema, version, file, newId);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DocxImportError);
    expect((error as DocxImportError).problem).toBe("too_complex");
  });

  it("still aligns a long file against a long version within the budget", () => {
    const version = paragraphs(2000, (i) => `Absatz ${i}`);
    const file = paragraphs(2000, (i) => (i === 1500 ? "Absatz geändert" : `Absatz ${i}`));
    const target = fileBackTarget(schema, version, file, newId);
    expect(target.doc.childCount).toBe(2000);
    expect(target.doc.child(1500).textContent).toContain("geändert");
  });
});
