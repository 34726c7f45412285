import type { Node as PMNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId, parseSuggestionId, randomToken } from "../../shared/suggestions/ids.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { UpdatePolicy } from "../policy/UpdatePolicy.ts";
import { fileBackTarget, suggestionIdsIn } from "./fileBackTarget.ts";
import { schema, writeContent } from "./intoYDoc.ts";

const ANNA = { id: "u-anna", name: "Anna", orgId: "sem" };
const newId = () => makeSuggestionId({ userId: ANNA.id, orgId: ANNA.orgId }, Date.now(), randomToken());
const p = (...parts: (string | PMNode)[]) =>
  schema.node(
    "paragraph",
    null,
    parts.map((t) => (typeof t === "string" ? schema.text(t) : t)),
  );
const h = (t: string) => schema.node("heading", { level: 2 }, [schema.text(t)]);
const doc = (...blocks: PMNode[]) => schema.node("doc", null, blocks);
const tracked = (kind: "insertion" | "deletion", t: string, id: string) => schema.text(t, [schema.mark(kind, { id })]);
const lines = (d: PMNode) => {
  const out: string[] = [];
  d.forEach((b) => {
    out.push(b.textContent.replaceAll("\u200B", ""));
  });
  return out;
};

/** Writes the target on a copy of VERSION's state and judges the change as Anna's suggestion against `live`. */
function judged(version: PMNode, live: Y.Doc, target: PMNode) {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
  const from = Y.encodeStateVector(scratch);
  writeContent(scratch, target);
  const change = Y.encodeStateAsUpdate(scratch, from);
  void version;
  return new UpdatePolicy(live).evaluate({ user: ANNA, role: "suggester" }, change, {
    crossPartyAcceptance: false,
    parties: [],
    locked: false,
    final: false,
    now: Date.now(),
  });
}

function versionDoc(content: PMNode): Y.Doc {
  const ydoc = new Y.Doc();
  writeContent(ydoc, content);
  return ydoc;
}

describe("the target of a Word file that comes back", () => {
  const version = doc(h("Ziele"), p("Alpha beta gamma."), p("Second paragraph."), p("Third one."));

  it("turns untracked word edits into the user's suggestions: Reject All is VERSION, Accept All the file", () => {
    const file = doc(h("Ziele"), p("Alpha beta delta."), p("Second paragraph."), p("Third one."));
    const target = fileBackTarget(schema, version, file, newId);
    expect(lines(withAllRejected(target.doc))).toEqual(lines(version));
    expect(lines(withAllAccepted(target.doc))).toEqual(lines(file));
    const ids = [...suggestionIdsIn(target.doc)];
    expect(ids.length).toBe(2);
    for (const id of ids) expect(parseSuggestionId(id)?.userId).toBe(ANNA.id);
    expect(judged(version, versionDoc(version), target.doc).ok).toBe(true);
  });

  it("keeps the file's tracked changes as they are where it has no untracked edit", () => {
    const file = doc(
      h("Ziele"),
      p("Alpha beta gamma."),
      p("Second ", tracked("insertion", "new ", "w1"), "paragraph."),
      p("Third one."),
    );
    const target = fileBackTarget(schema, version, file, newId);
    expect(suggestionIdsIn(target.doc)).toEqual(new Set(["w1"]));
    // The position of "new" in the file is the same in the target (the thread anchors follow it).
    expect(target.mapPosition(30)).toBe(30);
  });

  it("keeps the file's tracked changes in a block that also has untracked edits", () => {
    const file = doc(
      h("Ziele"),
      p("Alpha ", tracked("insertion", "very ", "w1"), "beta ", tracked("deletion", "gamma", "w2"), " delta."),
      p("Second paragraph."),
      p("Third one."),
    );
    const target = fileBackTarget(schema, version, file, newId);
    expect(lines(withAllRejected(target.doc))).toEqual(lines(version));
    expect(lines(withAllAccepted(target.doc))).toEqual(lines(withAllAccepted(file)));
    const ids = suggestionIdsIn(target.doc);
    expect(ids.has("w1") && ids.has("w2")).toBe(true);
    expect(ids.size).toBe(3);
  });

  it("keeps VERSION's pending suggestions that come back unchanged as tracked changes, without a second copy", () => {
    const claire = makeSuggestionId({ userId: "u-claire", orgId: "sem" }, Date.now(), randomToken());
    const pending = doc(
      h("Ziele"),
      p("Alpha ", tracked("insertion", "new ", claire), "beta gamma."),
      p("Second paragraph."),
    );
    const file = doc(
      h("Ziele"),
      p("Alpha ", tracked("insertion", "new ", "w9"), "beta gamma."),
      p("Second paragraph."),
    );
    const target = fileBackTarget(schema, pending, file, newId);
    expect(target.doc.eq(pending)).toBe(true);
  });

  it("makes a new and a removed paragraph suggested paragraph marks, with no empty paragraph either way", () => {
    const file = doc(h("Ziele"), p("Alpha beta gamma."), p("Inserted paragraph."), p("Third one."));
    const target = fileBackTarget(schema, version, file, newId);
    expect(lines(withAllRejected(target.doc))).toEqual(lines(version));
    expect(lines(withAllAccepted(target.doc))).toEqual(lines(file));
    expect(judged(version, versionDoc(version), target.doc).ok).toBe(true);
    const added = doc(h("Ziele"), p("Alpha beta gamma."), p("Second paragraph."), p("Brand new."), p("Third one."));
    const t2 = fileBackTarget(schema, version, added, newId);
    expect(lines(withAllRejected(t2.doc))).toEqual(lines(version));
    expect(lines(withAllAccepted(t2.doc))).toEqual(lines(added));
    expect(judged(version, versionDoc(version), t2.doc).ok).toBe(true);
    const removed = doc(h("Ziele"), p("Alpha beta gamma."), p("Third one."));
    const t3 = fileBackTarget(schema, version, removed, newId);
    expect(lines(withAllRejected(t3.doc))).toEqual(lines(version));
    expect(lines(withAllAccepted(t3.doc))).toEqual(lines(removed));
    expect(judged(version, versionDoc(version), t3.doc).ok).toBe(true);
  });

  it("is merged by Yjs with a live edit made since VERSION", () => {
    const live = versionDoc(version);
    const state = Y.encodeStateAsUpdate(live);
    // Since VERSION someone changed the third paragraph live.
    const later = doc(h("Ziele"), p("Alpha beta gamma."), p("Second paragraph."), p("Third one, edited live."));
    writeContent(live, later);
    const file = doc(h("Ziele"), p("Alpha beta delta."), p("Second paragraph."), p("Third one."));
    const target = fileBackTarget(schema, version, file, newId);
    const scratch = new Y.Doc({ gc: false });
    Y.applyUpdate(scratch, state);
    const from = Y.encodeStateVector(scratch);
    writeContent(scratch, target.doc);
    const change = Y.encodeStateAsUpdate(scratch, from);
    const verdict = new UpdatePolicy(live).evaluate({ user: ANNA, role: "suggester" }, change, {
      crossPartyAcceptance: false,
      parties: [],
      locked: false,
      final: false,
      now: Date.now(),
    });
    expect(verdict).toMatchObject({ ok: true });
    Y.applyUpdate(live, change);
    const merged = yXmlFragmentToProseMirrorRootNode(live.getXmlFragment(CONTENT_FIELD), schema);
    expect(lines(withAllAccepted(merged))).toEqual([
      "Ziele",
      "Alpha beta delta.",
      "Second paragraph.",
      "Third one, edited live.",
    ]);
    expect(lines(withAllRejected(merged))).toEqual(lines(later));
  });

  it("is refused by the policy when the user's suggestions would not be theirs (the check can fail)", () => {
    const file = doc(h("Ziele"), p("Alpha beta delta."), p("Second paragraph."), p("Third one."));
    const foreign = () => makeSuggestionId({ userId: "u-other", orgId: "sem" }, Date.now(), randomToken());
    const target = fileBackTarget(schema, version, file, foreign);
    expect(judged(version, versionDoc(version), target.doc).ok).toBe(false);
  });
});
