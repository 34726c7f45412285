import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { specDocx, specEntries, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { DocxImportError, type DocxImportProblem } from "../imported.ts";
import { readDocx } from "./index.ts";

async function problem(promise: Promise<unknown>): Promise<DocxImportProblem> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(DocxImportError);
  return (error as DocxImportError).problem;
}

const zipOf = (entries: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));

/** A DOCX whose document.xml is `megabytes` MiB of spaces: about 1 KiB per MiB on the wire. */
function bomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  for (const [name, text] of Object.entries(specEntries({ body: "" }))) {
    if (name === "word/document.xml") continue;
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  const entry = new ZipDeflate("word/document.xml", { level: 1 });
  zip.add(entry);
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) entry.push(spaces, i === megabytes - 1);
  zip.end();
  return Buffer.concat(parts);
}

describe("readDocx refuses bad files with a problem code", () => {
  it("reads an honest minimal file", async () => {
    const { doc } = await readDocx(specDocx({ body: wp(wr("Hallo")) }));
    expect(doc).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hallo" }] }] });
  });

  it("refuses what is not a zip, and a truncated zip", async () => {
    expect(await problem(readDocx(strToU8("%PDF-1.7 not a word file")))).toBe("not_docx");
    const file = specDocx({ body: wp(wr("Hallo")) });
    expect(await problem(readDocx(file.subarray(0, file.byteLength - 30)))).toBe("not_docx");
  });

  it("refuses a zip bomb before it is inflated whole", async () => {
    const file = bomb(64); // 64 MiB of spaces in a few dozen KiB, four times the limit below
    expect(file.byteLength).toBeLessThan(512 * 1024);
    expect(await problem(readDocx(file, { maxInflatedBytes: 16 * 1024 * 1024 }))).toBe("archive_too_large");
  }, 30_000); // building the bomb alone takes seconds on a loaded machine

  it("refuses a zip with too many entries", async () => {
    const entries = specEntries({ body: "" });
    for (let i = 0; i < 30; i++) entries[`word/media/image${i}.png`] = "x";
    expect(await problem(readDocx(zipOf(entries), { maxEntries: 20 }))).toBe("archive_too_large");
  });

  it("refuses a zip without word/document.xml or without [Content_Types].xml", async () => {
    const { "word/document.xml": _, ...noDocument } = specEntries({ body: "" });
    expect(await problem(readDocx(zipOf(noDocument)))).toBe("no_document");
    const { "[Content_Types].xml": __, ...noTypes } = specEntries({ body: "" });
    expect(await problem(readDocx(zipOf(noTypes)))).toBe("no_document");
    // A document.xml that is some other XML is no Word document either.
    expect(await problem(readDocx(zipOf({ ...specEntries({ body: "" }), "word/document.xml": "<html/>" })))).toBe(
      "no_document",
    );
  });

  it("refuses malformed XML in any part it reads", async () => {
    const broken = (name: string, text: string) => zipOf({ ...specEntries({ body: wp(wr("x")) }), [name]: text });
    expect(await problem(readDocx(broken("word/document.xml", "<w:document><w:body><w:p></w:body>")))).toBe(
      "malformed_xml",
    );
    expect(await problem(readDocx(broken("word/styles.xml", "<w:styles")))).toBe("malformed_xml");
    expect(await problem(readDocx(broken("word/comments.xml", "not xml at all")))).toBe("malformed_xml");
    // Bytes that are no UTF-8 are no XML Word wrote.
    const latin1 = zipSync({
      ...Object.fromEntries(Object.entries(specEntries({ body: "" })).map(([n, t]) => [n, strToU8(t)])),
      "word/styles.xml": new Uint8Array([0x3c, 0x61, 0xe9, 0x2f, 0x3e]),
    });
    expect(await problem(readDocx(latin1))).toBe("malformed_xml");
  });

  it("refuses nesting deeper than the limit and an element with too many attributes", async () => {
    const deep = `${"<w:sdt><w:sdtContent>".repeat(60)}${wp(wr("tief"))}${"</w:sdtContent></w:sdt>".repeat(60)}`;
    expect(await problem(readDocx(specDocx({ body: deep })))).toBe("too_complex");
    const attributes = Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(" ");
    expect(await problem(readDocx(specDocx({ body: `<w:p ${attributes}/>` })))).toBe("too_complex");
    expect(await problem(readDocx(specDocx({ body: wp(wr("x")).repeat(200) }), { maxElements: 100 }))).toBe(
      "too_complex",
    );
  });

  it("refuses input over the byte cap before unzipping it", async () => {
    const file = specDocx({ body: wp(wr("x".repeat(5000))) });
    expect(await problem(readDocx(file, { maxBytes: file.byteLength - 1 }))).toBe("file_too_large");
    expect((await readDocx(file, { maxBytes: file.byteLength })).doc.type).toBe("doc");
  });
});
