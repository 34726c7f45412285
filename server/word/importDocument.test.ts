import { describe, expect, it } from "vitest";
import { type ImportDeps, importDocument } from "./importDocument.ts";
import type { ImportedDocx } from "./imported.ts";

const ANNA = { id: "u-anna", name: "Anna", orgId: "kanton-so" };

/** A reader's output with a scriptable link: the reader filters those, the judged import must refuse them anyway. */
const scriptLink = (href: string): ImportedDocx => ({
  doc: {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Klick", marks: [{ type: "link", attrs: { href } }] }],
      },
    ],
  },
  revisions: {},
  threads: [],
  language: null,
  report: {
    imported: {
      paragraphs: 1,
      headings: 0,
      listItems: 0,
      tables: 0,
      links: 1,
      insertions: 0,
      deletions: 0,
      threads: 0,
      replies: 0,
    },
    skipped: {},
  },
});

/** Deps that record whether a document was created or changed; the store answers nothing else. */
function deps(imported: ImportedDocx) {
  const created: string[] = [];
  const changed: string[] = [];
  const d = {
    readDocx: async () => imported,
    store: {
      findOrganisation: async (id: string) => ({ id, kind: id === "sem" ? "federal" : "canton", active: true }),
      listOrganisations: async () => [{ id: "sem", kind: "federal", active: true }],
      createDocument: async (row: { id: string }) => {
        created.push(row.id);
        throw new Error("stop after the creation was asked for");
      },
    },
    live: {
      applyServerChange: async (id: string) => {
        changed.push(id);
        return true;
      },
    },
  } as unknown as ImportDeps;
  return { d, created, changed };
}

describe("importing a Word file into a new document", () => {
  it("judges the content before anything is created: a javascript: link creates nothing", async () => {
    const { d, created, changed } = deps(scriptLink("javascript:alert(1)"));
    await expect(importDocument(d, ANNA, { title: "X", kind: "concept" }, new Uint8Array([1]))).rejects.toMatchObject({
      status: 409,
      code: "word_not_suggestions",
    });
    expect(created).toEqual([]);
    expect(changed).toEqual([]);
  });

  it("goes on to create the document for a safe link (the check can pass)", async () => {
    const { d, created } = deps(scriptLink("https://www.sem.admin.ch/"));
    await expect(importDocument(d, ANNA, { title: "X", kind: "concept" }, new Uint8Array([1]))).rejects.toThrow(
      /stop after/,
    );
    expect(created.length).toBe(1);
  });
});
