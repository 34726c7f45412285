import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getSchema, type JSONContent } from "@tiptap/core";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it, vi } from "vitest";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import { kip3Agreement } from "../seed/content/kip3Agreement.ts";
import { kip3Concept } from "../seed/content/kip3Concept.ts";
import { archiveBundle, type ExportMeta, exportDocument, exportRedline } from "./index.ts";

const schema = getSchema(schemaExtensions());
const agreement = schema.nodeFromJSON(kip3Agreement.content).toJSON() as JSONContent;
/** The concept has the goal grid and the finance tables. */
const concept = schema.nodeFromJSON(kip3Concept.content).toJSON() as JSONContent;
const HASH = `${"a".repeat(40)}0123456789abcdef01234567`;
const META: ExportMeta = {
  title: kip3Agreement.title,
  documentId: "kip3-vereinbarung-so",
  kindLabel: "Programmvereinbarung",
  milestone: "Genehmigung durch den Regierungsrat",
  versionId: "v-test",
  seq: 2,
  contentHash: HASH,
  chainHash: "b".repeat(64),
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: "Andrea Meier",
  draft: false,
  approvals: [
    {
      orgName: "Kanton Solothurn",
      userName: "Andrea Meier",
      decision: "approve",
      at: "2026-11-28T11:00:00.000Z",
      details: [
        ["RRB-Nummer", "RRB Nr. 2024/88"],
        ["Datum des RRB", "2024-01-23"],
      ],
      reason: null,
    },
  ],
};

const dir = mkdtempSync(path.join(tmpdir(), "accord-export-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts with LibreOffice, as a reader's office suite would open the file; throws if it cannot. */
function openInLibreOffice(file: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { timeout: 120_000, stdio: "pipe" },
  );
  const pdf = file.replace(/\.docx$/, ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
}

describe("exports of the demo agreement", () => {
  it("produces a PDF with the concept's tables", async () => {
    const pdf = await exportDocument("pdf", concept, META);
    writeFileSync(path.join(dir, "concept.pdf"), pdf);
    const text = execFileSync("pdftotext", [path.join(dir, "concept.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("Tabelle 1");
    expect(text).toContain("1'050'000");
  });

  it("produces a PDF whose text carries the content hash and the RRB number", async () => {
    const pdf = await exportDocument("pdf", agreement, META);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    writeFileSync(path.join(dir, "agreement.pdf"), pdf);
    const text = execFileSync("pdftotext", [path.join(dir, "agreement.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain(HASH);
    expect(text).toContain("RRB Nr. 2024/88");
    expect(text).toContain("Programmvereinbarung");
  });

  it("produces a DOCX that LibreOffice opens, with the hash in the document", async () => {
    const docx = await exportDocument("docx", agreement, META);
    const file = path.join(dir, "agreement.docx");
    writeFileSync(file, docx);
    const entries = unzipSync(docx);
    expect(strFromU8(entries["word/document.xml"] ?? new Uint8Array())).toContain("Art. 14 Inkrafttreten");
    const withTables = unzipSync(await exportDocument("docx", concept, META));
    expect(strFromU8(withTables["word/document.xml"] ?? new Uint8Array())).toContain("<w:tbl>");
    expect(strFromU8(entries["docProps/core.xml"] ?? new Uint8Array())).toContain(HASH);
    expect(openInLibreOffice(file)).toContain("Programmvereinbarung");
  }, 180_000);

  it("produces a redline DOCX with real tracked changes that LibreOffice opens", async () => {
    const changed = JSON.parse(
      JSON.stringify(agreement).replace("Integrationsförderung", "Integrationsarbeit"),
    ) as JSONContent;
    const docx = await exportRedline("docx", agreement, changed, META, "Änderungen");
    const xml = strFromU8(unzipSync(docx)["word/document.xml"] ?? new Uint8Array());
    expect(xml).toMatch(/<w:del [^>]*w:author="Accord \(Vergleich\)"[^>]*>[\s\S]*?Integrationsförderung/);
    expect(xml).toMatch(/<w:ins [^>]*>[\s\S]*?Integrationsarbeit/);
    const file = path.join(dir, "redline.docx");
    writeFileSync(file, docx);
    expect(openInLibreOffice(file)).toContain("Integrationsarbeit");
  }, 180_000);

  it("produces a standalone HTML page that escapes what the document holds", async () => {
    const hostile: JSONContent = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "Link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    };
    const html = new TextDecoder().decode(await exportDocument("html", hostile, META));
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("javascript:");
    const page = new TextDecoder().decode(await exportDocument("html", agreement, META));
    expect(page).toContain(HASH);
    expect(page).toContain("<h2>Art. 1 Gegenstand</h2>");
    expect(new TextDecoder().decode(await exportDocument("html", concept, META))).toContain("<table>");
  });

  it("produces Markdown with GFM tables and the version's data", async () => {
    const md = new TextDecoder().decode(await exportDocument("md", agreement, META));
    expect(md).toMatch(/^# Programmvereinbarung/);
    expect(md).toContain("## Art. 1 Gegenstand");
    expect(md).toContain(HASH);
    const tables = new TextDecoder().decode(await exportDocument("md", concept, META));
    expect(tables).toMatch(/\n\| .+ \|\n\|( --- \|)+\n/);
  });

  it("marks the current text as a draft", async () => {
    const draft = {
      ...META,
      draft: true,
      versionId: null,
      seq: null,
      contentHash: null,
      chainHash: null,
      approvals: [],
    };
    const md = new TextDecoder().decode(await exportDocument("md", agreement, draft));
    expect(md).toContain("Entwurf, nicht freigegeben");
  });
});

describe("exports of a version are deterministic", () => {
  /** The agreement with a pending insertion, so that the DOCX carries a tracked change and its date. */
  const suggested = JSON.parse(
    JSON.stringify(agreement).replace(
      '"text":"Art. 1 Gegenstand"',
      '"text":"Art. 1 Gegenstand","marks":[{"type":"insertion","attrs":{"id":"s1|u-claire|sem|1795771800000|x"}}]',
    ),
  ) as JSONContent;
  /** A paragraph with a link: the docx library gives hyperlink relationships random ids. */
  const linked: JSONContent = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Siehe " },
          { type: "text", text: "so.ch", marks: [{ type: "link", attrs: { href: "https://so.ch" } }] },
          { type: "text", text: " und " },
          { type: "text", text: "sem.admin.ch", marks: [{ type: "link", attrs: { href: "https://sem.admin.ch" } }] },
        ],
      },
    ],
  };
  /** Exports made at two different clock times (a minute and a day apart). */
  async function twice<T>(make: () => Promise<T>): Promise<[T, T]> {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-01T09:00:00Z"));
      const first = await make();
      vi.setSystemTime(new Date("2026-12-02T17:31:07Z"));
      return [first, await make()];
    } finally {
      vi.useRealTimers();
    }
  }

  it.each(["pdf", "docx", "html", "md"] as const)("gives the same %s bytes whenever it is made", async (format) => {
    const [a, b] = await twice(() => exportDocument(format, suggested, META));
    expect(Buffer.from(b)).toEqual(Buffer.from(a));
  });

  it("gives the same DOCX bytes for a text with links, and the links still lead where they did", async () => {
    const [a, b] = await twice(() => exportDocument("docx", linked, META));
    expect(Buffer.from(b)).toEqual(Buffer.from(a));
    const entries = unzipSync(a);
    const rels = strFromU8(entries["word/_rels/document.xml.rels"] ?? new Uint8Array());
    const xml = strFromU8(entries["word/document.xml"] ?? new Uint8Array());
    for (const href of ["https://so.ch", "https://sem.admin.ch"]) {
      const id = new RegExp(`Id="([^"]+)"[^>]*Target="${href}"`).exec(rels)?.[1];
      expect(id, `the relationship of ${href}`).toEqual(expect.any(String));
      expect(xml).toContain(`r:id="${id}"`);
    }
    const file = path.join(dir, "links.docx");
    writeFileSync(file, a);
    expect(openInLibreOffice(file)).toContain("sem.admin.ch");
  }, 180_000);

  it("gives the same bundle bytes whenever it is made", async () => {
    const bundle = async () =>
      archiveBundle({
        pdf: await exportDocument("pdf", agreement, META),
        docx: await exportDocument("docx", agreement, META),
        files: { "content.json": new TextEncoder().encode("{}") },
        manifest: { version: "v-test" },
        mtime: META.frozenAt ?? "",
      });
    const [a, b] = await twice(bundle);
    expect(Buffer.from(b)).toEqual(Buffer.from(a));
  });

  it("dates the DOCX with the freeze and its tracked changes with the suggestion's time, not with the export", async () => {
    const [docx] = await twice(() => exportDocument("docx", suggested, META));
    const entries = unzipSync(docx);
    const core = strFromU8(entries["docProps/core.xml"] ?? new Uint8Array());
    expect(core).toContain(">2026-11-28T10:00:00Z</dcterms:created>");
    expect(core).toContain(">2026-11-28T10:00:00Z</dcterms:modified>");
    const xml = strFromU8(entries["word/document.xml"] ?? new Uint8Array());
    expect(xml).toMatch(/<w:ins [^>]*w:date="2026-11-27T09:30:00Z"/);
    const file = path.join(dir, "deterministic.docx");
    writeFileSync(file, docx);
    expect(openInLibreOffice(file)).toContain("Art. 1 Gegenstand");
  }, 180_000);
});
