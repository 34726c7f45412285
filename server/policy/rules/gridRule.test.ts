import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { financeGrid, goalGrid } from "../../../shared/finance/build.ts";
import type { Role } from "../../../shared/roles.ts";
import { makeSuggestionId } from "../../../shared/suggestions/ids.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../../../tests/helpers/headlessEditor.ts";
import { UpdatePolicy } from "../UpdatePolicy.ts";

const LUKAS = { id: "u-lukas", name: "Lukas Meier", orgId: "kanton-so" };
const CLAIRE = { id: "u-claire", name: "Claire Dubois", orgId: "sem" };
type Person = typeof LUKAS;

/** The position just inside the paragraph of the cell in `row` (1: first Förderbereich) and `column` of the first table. */
function cellStart(doc: PMNode, row: number, column: number): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.forEach((table, offset) => {
    if (found || table.type.name !== "table") return;
    let pos = offset + 1;
    for (let r = 0; r < row; r++) pos += table.child(r).nodeSize;
    const tr = table.child(row);
    pos += 1;
    for (let c = 0; c < column; c++) pos += tr.child(c).nodeSize;
    const paragraphNode = tr.child(column).child(0);
    // cell open + paragraph open
    found = { from: pos + 2, to: pos + 2 + paragraphNode.content.size };
  });
  if (!found) throw new Error("no table");
  return found;
}

function setup() {
  const live = docWith([
    paragraph("Finanzraster"),
    financeGrid(2024, { fb1: [100_000, 120_000, 0, 0] }),
    goalGrid("fb1", [{ goal: "Alle werden informiert" }]),
  ]);
  const policy = new UpdatePolicy(live);
  const submit = (person: Person, role: Role, edit: Parameters<HeadlessEditor["edit"]>[0], suggest = false) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const result = new HeadlessEditor(copy, { userId: person.id, orgId: person.orgId }).edit(edit, suggest);
    if (!result.ok) throw new Error(result.reason);
    if (!result.update) throw new Error("no update");
    const verdict = policy.evaluate({ user: person, role }, result.update, {
      crossPartyAcceptance: false,
      locked: false,
      final: false,
      parties: ["kanton-so", "sem"],
      now: Date.now(),
    });
    if (!verdict.ok) return verdict.reason;
    Y.applyUpdate(live, result.update);
    return null;
  };
  const state = () => new HeadlessEditor(live).state;
  return { live, submit, state };
}

describe("grid rule: amount cells", () => {
  it("accepts a valid amount typed into an amount cell, in Swiss format or plain", () => {
    const t = setup();
    const { from, to } = cellStart(t.state().doc, 1, 2);
    expect(t.submit(LUKAS, "owner", (tr) => tr.insertText("150'000", from, to))).toBeNull();
    const next = cellStart(t.state().doc, 1, 3);
    expect(t.submit(LUKAS, "owner", (tr) => tr.insertText("25000", next.from, next.to))).toBeNull();
    expect(t.state().doc.textContent).toContain("150'000");
  });

  it("refuses text in an amount cell, and the document keeps its amount", () => {
    const t = setup();
    const { from, to } = cellStart(t.state().doc, 1, 2);
    expect(t.submit(LUKAS, "owner", (tr) => tr.insertText("viel Geld", from, to))).toMatch(/amount cell/);
    expect(t.state().doc.textContent).toContain("120'000");
    expect(t.state().doc.textContent).not.toContain("viel Geld");
  });

  it("refuses a suggestion that would put text into an amount cell (the accepted reading), and accepts a suggested amount", () => {
    const t = setup();
    const { from, to } = cellStart(t.state().doc, 1, 2);
    expect(t.submit(CLAIRE, "suggester", (tr) => tr.insertText(" ca.", to), true)).toMatch(/amount cell/);
    expect(t.submit(CLAIRE, "suggester", (tr) => tr.insertText("ca. 150'000", from, to), true)).toMatch(/amount cell/);
    // A replacement in Swiss format is a suggestion like any other.
    expect(t.submit(CLAIRE, "suggester", (tr) => tr.insertText("150'000", from, to), true)).toBeNull();
    expect(t.state().doc.textContent).toContain("120'000150'000");
  });

  it("refuses text that only the rejected reading shows (an insertion dressed as a deletion)", () => {
    const t = setup();
    const { to } = cellStart(t.state().doc, 1, 2);
    const id = makeSuggestionId({ userId: LUKAS.id, orgId: LUKAS.orgId }, Date.now(), "r1");
    const refused = t.submit(LUKAS, "owner", (tr) => {
      tr.insertText("abc", to);
      tr.addMark(to, to + 3, schema.mark("deletion", { id }));
    });
    expect(refused).toMatch(/amount cell/);
  });

  it("allows emptying an amount cell", () => {
    const t = setup();
    const { from, to } = cellStart(t.state().doc, 1, 2);
    expect(t.submit(LUKAS, "owner", (tr) => tr.delete(from, to))).toBeNull();
  });

  it("lets text in other cells alone (goal texts, paragraphs)", () => {
    const t = setup();
    expect(t.submit(LUKAS, "owner", (tr) => tr.insertText(" und mehr", 13))).toBeNull();
  });
});

describe("grid rule: fixed structure", () => {
  it("refuses renaming a Förderbereich row, even by the owner", () => {
    const t = setup();
    const { from, to } = cellStart(t.state().doc, 1, 0);
    expect(t.submit(LUKAS, "owner", (tr) => tr.insertText("Beratung", from, to))).toMatch(/must stay/);
  });

  it("refuses removing a Förderbereich row", () => {
    const t = setup();
    const doc = t.state().doc;
    const { from } = cellStart(doc, 3, 0);
    const rowStart = from - 3;
    const rowEnd = rowStart + doc.resolve(from).node(-2).nodeSize;
    expect(t.submit(LUKAS, "owner", (tr) => tr.delete(rowStart, rowEnd))).toMatch(/seven Förderbereiche/);
  });

  it("refuses removing a grid, and turning it into a plain table", () => {
    const t = setup();
    const doc = t.state().doc;
    const table = doc.child(1);
    const start = doc.child(0).nodeSize;
    expect(t.submit(LUKAS, "owner", (tr) => tr.delete(start, start + table.nodeSize))).toMatch(/cannot be removed/);
    expect(t.submit(LUKAS, "owner", (tr) => tr.setNodeAttribute(start, "grid", null))).toMatch(/cannot be removed/);
    expect(t.submit(LUKAS, "owner", (tr) => tr.setNodeAttribute(start, "year", 2025))).toMatch(/cannot be removed/);
  });

  it("refuses a second grid of the same year placed next to the first", () => {
    const t = setup();
    const at = t.state().doc.child(0).nodeSize;
    expect(t.submit(LUKAS, "owner", (tr) => tr.insert(at, schema.nodeFromJSON(financeGrid(2024))))).toMatch(
      /each grid once/,
    );
  });

  it("refuses a grid attribute outside its bounds", () => {
    const t = setup();
    const start = t.state().doc.child(0).nodeSize;
    expect(t.submit(LUKAS, "owner", (tr) => tr.setNodeAttribute(start, "year", 1999))).toMatch(/year must be one of/);
  });
});
