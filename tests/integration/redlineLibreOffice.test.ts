import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExportMeta, exportRedline } from "../../server/export/index.ts";
import { kip3Concept } from "../../server/seed/content/kip3Concept.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { redline } from "../../shared/versions/redline.ts";
import { docWith, HeadlessEditor, schema } from "../helpers/headlessEditor.ts";
import { libreOfficeOutcomes } from "../helpers/libreOffice.ts";
import { applied, block, step } from "../helpers/redlineEdits.ts";

/** A fixed version's data, so both exports print the same cover (a draft's would print the time). */
const META: ExportMeta = {
  title: "Vergleich",
  documentId: "doc-redline",
  kindLabel: "Programmkonzept",
  milestone: "Konzept: Entwurf bereit zur Eingabe",
  versionId: "v-redline",
  seq: 2,
  contentHash: "a".repeat(64),
  chainHash: "b".repeat(64),
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: "Andrea Meier",
  draft: false,
  approvals: [],
};
const ORIGIN = { name: "Lukas Frei", at: "2026-11-30T10:00:00.000Z" };

/** Five random cases of the redline property test, the same five every run. */
const cases = fc.sample(
  fc.tuple(
    fc.array(block, { minLength: 1, maxLength: 4 }),
    fc.array(step, { maxLength: 4 }),
    fc.array(step, { maxLength: 5 }),
  ),
  { numRuns: 5, seed: 20261201 },
);

/**
 * What LibreOffice reads as the text of `doc` exported the same way with nothing changed (a
 * redline of the text with itself), so the comparison is of the changes alone, not of what
 * the redline export adds around the text.
 */
async function textOf(doc: JSONContent, reading: "accepted" | "rejected"): Promise<string> {
  const same = redline(doc, doc);
  const bytes = await exportRedline("docx", { doc: same.doc, attribution: () => ORIGIN }, META, META.title);
  // Read the same way (LibreOffice's text after Accept All or Reject All) as the redline's.
  return (await libreOfficeOutcomes(bytes))[reading];
}

/** Position just after the first occurrence of `text`. */
function endOf(editor: HeadlessEditor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const at = node.text?.indexOf(text) ?? -1;
    if (at >= 0) found = pos + at + text.length;
    return false;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

describe("the review's findings in LibreOffice (demo data, pending suggestions in the later text)", () => {
  it("Accept All gives the later text and Reject All the earlier one: no '9095', no doubled word, no empty paragraph, row or bullet", async () => {
    const editor = new HeadlessEditor(docWith(kip3Concept.content.content ?? []), { userId: "u-claire", orgId: "sem" });
    const from = editor.json as JSONContent;
    const suggest = (change: Parameters<HeadlessEditor["edit"]>[0]) => {
      const result = editor.edit(change, true, 1_764_590_400_000);
      if (!result.ok) throw new Error(result.reason);
    };
    const ninety = endOf(editor, "90 % der") - " % der".length;
    suggest((tr) => tr.insertText("95", ninety - 2, ninety));
    const bridge = endOf(editor, "Zugang zu Brückenangeboten");
    suggest((tr) => tr.insertText("Brückenangeboten", bridge - "Brückenangeboten".length, bridge));
    suggest((tr) => tr.split(endOf(editor, "auf Kontinuität, ")));
    // A paragraph deleted outright (not a suggestion).
    editor.edit((tr) => {
      const second = tr.doc.child(0).nodeSize;
      tr.delete(second, second + tr.doc.child(1).nodeSize);
    });
    // A table row deleted and a bullet added, outright.
    editor.edit((tr) => {
      let row = -1;
      tr.doc.descendants((node, pos) => {
        if (row < 0 && node.type.name === "tableRow" && node.textContent.startsWith("3 Ausbildungs")) row = pos;
        return row < 0;
      });
      const node = tr.doc.nodeAt(row);
      if (node) tr.delete(row, row + node.nodeSize);
    });
    editor.edit((tr) => {
      let end = -1;
      tr.doc.descendants((node, pos) => {
        if (node.type.name === "listItem" && node.textContent.startsWith("Migrantenorganisationen"))
          end = pos + node.nodeSize;
        return true;
      });
      const item = schema.nodeFromJSON({
        type: "listItem",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Fachstelle Diversität" }] }],
      });
      if (end > 0) tr.insert(end, item);
    });
    const to = editor.json as JSONContent;
    expect(JSON.stringify(to)).toContain("Fachstelle Diversität");
    // Table 1's row of Förderbereich 3 (its four-year total appears nowhere else).
    expect(JSON.stringify(to)).not.toContain("960'000");
    const red = redline(from, to);
    const outcomes = await libreOfficeOutcomes(
      await exportRedline("docx", { doc: red.doc, attribution: () => ORIGIN }, META, META.title),
    );
    const later = withAllAccepted(schema.nodeFromJSON(to)).toJSON() as JSONContent;
    expect(outcomes.accepted).toBe(await textOf(later, "accepted"));
    expect(outcomes.rejected).toBe(await textOf(from, "rejected"));
    expect(outcomes.accepted).toContain("95 % der Gemeinden");
    expect(outcomes.accepted).not.toContain("9095");
    expect(outcomes.accepted).not.toContain("BrückenangebotenBrückenangeboten");
  }, 120_000);
});

describe("redline in LibreOffice (a sample of the property test)", () => {
  it.each(cases.map((c, i) => [i, c] as const))(
    "case %i: Accept All gives the later text, Reject All the earlier one",
    async (_i, [blocks, first, second]) => {
      const editor = new HeadlessEditor(docWith(blocks), { userId: "u-claire", orgId: "sem" });
      const from = applied(editor, first);
      const to = applied(editor, second);
      const red = redline(from, to);
      const bytes = await exportRedline("docx", { doc: red.doc, attribution: () => ORIGIN }, META, META.title);
      const outcomes = await libreOfficeOutcomes(bytes);
      const later = withAllAccepted(schema.nodeFromJSON(to)).toJSON() as JSONContent;
      const earlier = withAllRejected(schema.nodeFromJSON(from)).toJSON() as JSONContent;
      expect(outcomes.accepted).toBe(await textOf(later, "accepted"));
      expect(outcomes.rejected).toBe(await textOf(earlier, "rejected"));
      for (const r of outcomes.redlines) expect(r.author).toBe("Lukas Frei");
    },
    120_000,
  );
});
