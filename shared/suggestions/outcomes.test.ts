import { describe, expect, it } from "vitest";
import { docWith, HeadlessEditor, paragraph, schema } from "../../tests/helpers/headlessEditor.ts";
import { withAllAccepted, withAllRejected } from "./outcomes.ts";

const BASE = [paragraph("Der Kanton setzt die Ziele um."), paragraph("Das SEM prüft.")];

type Edit = Parameters<HeadlessEditor["edit"]>[0];

/** The same text with a few suggestions of every shape by one suggester. */
function suggested() {
  const editor = new HeadlessEditor(docWith(BASE), { userId: "u-claire", orgId: "sem" });
  const edits: Edit[] = [
    (tr) => tr.insertText(" gemeinsam", 30),
    (tr) => tr.delete(5, 12),
    (tr) => tr.addMark(37, 40, schema.mark("bold")),
    (tr) => tr.split(20),
  ];
  for (const edit of edits) {
    const result = editor.edit(edit, true);
    if (!result.ok) throw new Error(result.reason);
  }
  return editor.state.doc;
}

describe("export-ready text", () => {
  it("with every suggestion rejected, reads exactly as before the suggestions", () => {
    expect(withAllRejected(suggested()).toJSON()).toEqual(new HeadlessEditor(docWith(BASE)).state.doc.toJSON());
  });

  it("with every suggestion accepted, has no suggestion marks and no anchors left", () => {
    const accepted = withAllAccepted(suggested());
    const json = JSON.stringify(accepted.toJSON());
    expect(json).not.toMatch(/insertion|deletion|\u200B/);
    expect(accepted.textContent).toContain("gemeinsam");
    expect(accepted.textContent).not.toContain("Kanton");
    expect(accepted.childCount).toBe(3);
  });
});
