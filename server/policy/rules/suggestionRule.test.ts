import { applySuggestion, revertSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { Fragment, Slice } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Role } from "../../../shared/roles.ts";
import { makeSuggestionId } from "../../../shared/suggestions/ids.ts";
import { listSuggestions } from "../../../shared/suggestions/list.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../../../tests/helpers/headlessEditor.ts";
import type { Actor } from "../Change.ts";
import { UpdatePolicy } from "../UpdatePolicy.ts";

const CLAIRE = { id: "u-claire", name: "Claire Dubois", orgId: "sem" };
const MARCO = { id: "u-marco", name: "Marco Keller", orgId: "sem" };
const LUKAS = { id: "u-lukas", name: "Lukas Meier", orgId: "kanton-so" };
const ANDREA = { id: "u-andrea", name: "Andrea Brunner", orgId: "kanton-so" };
/** An editor from Bern, which is no party of this (Solothurn) document. */
const BEA = { id: "u-bea", name: "Bea Berner", orgId: "kanton-be" };
const PARTIES = ["kanton-so", "sem"];
type Person = typeof CLAIRE;

/** A live document with its policy, and people who edit it through headless editors. */
function setup(crossPartyAcceptance = false) {
  const live = docWith([paragraph("Hello world"), paragraph("Second paragraph")]);
  const policy = new UpdatePolicy(live);
  const context = () => ({ crossPartyAcceptance, locked: false, final: false, parties: PARTIES, now: Date.now() });
  const editorOf = (person: Person) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    return new HeadlessEditor(copy, { userId: person.id, orgId: person.orgId });
  };
  /** Sends an update as `person` with `role`; applies it to the live doc if accepted. Returns the refusal or null. */
  const submit = (person: Person, role: Role, update: Uint8Array | null): string | null => {
    if (!update) throw new Error("the edit produced no update");
    const actor: Actor = { user: person, role };
    const verdict = policy.evaluate(actor, update, context());
    if (!verdict.ok) return verdict.reason;
    Y.applyUpdate(live, update);
    return null;
  };
  const text = () =>
    new HeadlessEditor(live).state.doc.textBetween(0, new HeadlessEditor(live).state.doc.content.size, "¶");
  const suggestions = () => listSuggestions(new HeadlessEditor(live).state.doc);
  /** Makes an edit as `person` (tracked if `suggest`) and submits it. */
  const act = (person: Person, role: Role, edit: Parameters<HeadlessEditor["edit"]>[0], suggest: boolean) => {
    const result = editorOf(person).edit(edit, suggest);
    if (!result.ok) throw new Error(`the client blocked the edit: ${result.reason}`);
    return submit(person, role, result.update);
  };
  return { live, editorOf, submit, act, text, suggestions };
}

/** A suggestion by Claire: " brave" after "Hello". */
function withClaireInsertion(crossParty = false) {
  const t = setup(crossParty);
  expect(t.act(CLAIRE, "suggester", (tr) => tr.insertText(" brave", 6), true)).toBeNull();
  return t;
}

describe("suggestion rule: legitimate suggestions by a suggester", () => {
  it("accepts an insertion, attributed to the suggester", () => {
    const t = withClaireInsertion();
    expect(t.suggestions()).toMatchObject([{ inserted: " brave", origin: { userId: "u-claire", orgId: "sem" } }]);
  });

  it("accepts a deletion, which keeps the text struck through", () => {
    const t = setup();
    expect(t.act(CLAIRE, "suggester", (tr) => tr.delete(1, 7), true)).toBeNull();
    expect(t.text()).toContain("Hello world");
    expect(t.suggestions()).toMatchObject([{ deleted: "Hello " }]);
  });

  it("accepts a paragraph split and a join", () => {
    const t = setup();
    expect(t.act(CLAIRE, "suggester", (tr) => tr.split(7), true)).toBeNull();
    expect(t.live.getXmlFragment("default").length).toBe(3);
    // Join: delete the boundary between the two original paragraphs.
    const t2 = setup();
    expect(t2.act(CLAIRE, "suggester", (tr) => tr.delete(12, 14), true)).toBeNull();
    expect(t2.suggestions()).toHaveLength(1);
  });

  it("accepts bold as a suggestion (the plain text deleted, a bold copy inserted)", () => {
    const t = setup();
    expect(t.act(CLAIRE, "suggester", (tr) => tr.addMark(7, 12, schema.mark("bold")), true)).toBeNull();
    expect(t.suggestions()).toMatchObject([{ deleted: "world", inserted: "world" }]);
  });

  it("accepts withdrawing one's own suggestion, and typing beside someone else's", () => {
    const t = withClaireInsertion();
    expect(t.act(MARCO, "suggester", (tr) => tr.insertText("!", 12), true)).toBeNull();
    const marco = t.suggestions().find((s) => s.origin?.userId === "u-marco");
    expect(marco?.inserted).toBe("!");
    const mine = t.suggestions().find((s) => s.origin?.userId === "u-claire");
    if (!mine) throw new Error("no suggestion of Claire's");
    expect(t.act(CLAIRE, "suggester", (tr) => tr.delete(mine.from, mine.to), true)).toBeNull();
    expect(t.suggestions().map((s) => s.origin?.userId)).toEqual(["u-marco"]);
  });
});

describe("suggestion rule: what a modified client cannot do as a suggester", () => {
  it("refuses a direct insertion and a direct deletion", () => {
    const t = setup();
    expect(t.act(CLAIRE, "suggester", (tr) => tr.insertText("X", 3), false)).toMatch(/only add or withdraw/);
    expect(t.act(CLAIRE, "suggester", (tr) => tr.delete(1, 3), false)).toMatch(/only add or withdraw/);
    expect(t.text()).toBe("Hello world¶Second paragraph");
  });

  it("refuses accepting one's own suggestion", () => {
    const t = withClaireInsertion();
    const [s] = t.suggestions();
    const update = t.editorOf(CLAIRE).command(applySuggestion(s?.id ?? ""));
    expect(t.submit(CLAIRE, "suggester", update)).toMatch(/only add or withdraw/);
  });

  it("refuses accepting or rejecting another's suggestion", () => {
    const t = withClaireInsertion();
    const [s] = t.suggestions();
    expect(t.submit(MARCO, "suggester", t.editorOf(MARCO).command(applySuggestion(s?.id ?? "")))).toMatch(/only add/);
    expect(t.submit(MARCO, "suggester", t.editorOf(MARCO).command(revertSuggestion(s?.id ?? "")))).toMatch(/only add/);
    expect(t.suggestions()).toHaveLength(1);
  });

  it("refuses a suggestion forged under another person's name or organisation", () => {
    const t = setup();
    for (const forged of [
      makeSuggestionId({ userId: "u-lukas", orgId: "kanton-so" }, Date.now(), "aaaa"),
      makeSuggestionId({ userId: "u-claire", orgId: "kanton-so" }, Date.now(), "bbbb"),
      "42",
    ]) {
      const editor = t.editorOf(CLAIRE);
      editor.edit((tr) => tr.insertText("X", 3).addMark(3, 4, schema.mark("insertion", { id: forged })));
      const update = Y.encodeStateAsUpdate(editor.ydoc, Y.encodeStateVector(t.live));
      expect(t.submit(CLAIRE, "suggester", update)).not.toBeNull();
    }
    expect(t.text()).toBe("Hello world¶Second paragraph");
  });

  it("refuses an attribute change outside a suggestion", () => {
    const t = setup();
    const update = t.editorOf(CLAIRE).edit((tr) => tr.setNodeMarkup(0, schema.nodes.heading ?? null, { level: 2 }));
    expect(update.ok && t.submit(CLAIRE, "suggester", update.update)).toMatch(/only add or withdraw/);
  });

  it("refuses deleting another person's suggestion, and the client blocks it first", () => {
    const t = withClaireInsertion();
    const [s] = t.suggestions();
    const blocked = t.editorOf(MARCO).edit((tr) => tr.delete(s?.from ?? 0, s?.to ?? 0), true);
    expect(blocked).toEqual({ ok: false, reason: "foreign_suggestion" });
    const raw = t.editorOf(MARCO).edit((tr) => tr.delete(s?.from ?? 0, s?.to ?? 0));
    expect(raw.ok && t.submit(MARCO, "suggester", raw.update)).toMatch(/only add or withdraw/);
  });
});

describe("suggestion rule: editors", () => {
  it("lets an editor accept and reject, and make suggestions under their own name only", () => {
    const t = withClaireInsertion();
    const [s] = t.suggestions();
    expect(t.submit(LUKAS, "editor", t.editorOf(LUKAS).command(applySuggestion(s?.id ?? "")))).toBeNull();
    expect(t.text()).toBe("Hello brave world¶Second paragraph");
    expect(t.act(LUKAS, "editor", (tr) => tr.insertText("?", 3), true)).toBeNull();
    const editor = t.editorOf(LUKAS);
    const forged = makeSuggestionId({ userId: "u-claire", orgId: "sem" }, Date.now(), "cccc");
    editor.edit((tr) => tr.insertText("Y", 3).addMark(3, 4, schema.mark("insertion", { id: forged })));
    const update = Y.encodeStateAsUpdate(editor.ydoc, Y.encodeStateVector(t.live));
    expect(t.submit(LUKAS, "editor", update)).toMatch(/own name/);
  });

  it("with cross-party acceptance, refuses an editor accepting their own organisation's suggestion but allows rejecting it and the other party accepting", () => {
    const t = setup(true);
    expect(t.act(ANDREA, "owner", (tr) => tr.insertText(" dear", 6), true)).toBeNull();
    const [s] = t.suggestions();
    const accept = t.editorOf(LUKAS).command(applySuggestion(s?.id ?? ""));
    expect(t.submit(LUKAS, "editor", accept)).toMatch(/other party/);
    expect(t.submit(CLAIRE, "editor", t.editorOf(CLAIRE).command(applySuggestion(s?.id ?? "")))).toBeNull();
    expect(t.text()).toBe("Hello dear world¶Second paragraph");

    expect(t.act(ANDREA, "owner", (tr) => tr.insertText("!", 3), true)).toBeNull();
    const [again] = t.suggestions();
    expect(t.submit(LUKAS, "editor", t.editorOf(LUKAS).command(revertSuggestion(again?.id ?? "")))).toBeNull();
    expect(t.suggestions()).toHaveLength(0);
  });

  it("with cross-party acceptance, refuses a member of a non-party organisation accepting anyone's suggestion, but lets them reject", () => {
    const t = setup(true);
    expect(t.act(ANDREA, "owner", (tr) => tr.insertText(" dear", 6), true)).toBeNull();
    const [s] = t.suggestions();
    // Bern is neither Solothurn (the suggester's) nor a party: "another organisation" is not enough.
    expect(t.submit(BEA, "editor", t.editorOf(BEA).command(applySuggestion(s?.id ?? "")))).toMatch(/only a party/);
    expect(t.suggestions().map((x) => x.id)).toEqual([s?.id]);
    expect(t.submit(BEA, "editor", t.editorOf(BEA).command(revertSuggestion(s?.id ?? "")))).toBeNull();
    expect(t.suggestions()).toHaveLength(0);
  });

  it("accepts whole pasted paragraphs as a suggestion: inline marks that survive Yjs, not node marks", () => {
    const t = setup();
    const pasted = new Slice(
      Fragment.from([
        schema.nodeFromJSON(paragraph("Erster neuer Absatz")),
        schema.nodeFromJSON(paragraph("Zweiter neuer Absatz")),
        schema.nodeFromJSON(paragraph("Dritter")),
      ]),
      1,
      1,
    );
    expect(t.act(CLAIRE, "suggester", (tr) => tr.replace(7, 7, pasted), true)).toBeNull();
    const [s] = t.suggestions();
    expect(s?.inserted).toContain("Zweiter neuer Absatz");
    expect(t.live.getXmlFragment("default").length).toBe(4);
  });
});
