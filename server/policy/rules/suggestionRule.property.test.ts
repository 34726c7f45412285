import type { Node as PMNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Role } from "../../../shared/roles.ts";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import { type Piece, piecesOfYElement } from "../../../shared/suggestions/linear.ts";
import { withAllAccepted } from "../../../shared/suggestions/outcomes.ts";
import { suggestOnlyViolation } from "../../../shared/suggestions/rules.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../../../tests/helpers/headlessEditor.ts";
import { UpdatePolicy } from "../UpdatePolicy.ts";

/** An edit with positions as fractions, placed on whatever text the replica has at the time. */
type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "split"; at: number }
  | { kind: "bold"; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.stringMatching(/^[a-z ]{1,5}$/),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("split" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("bold" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 5 }),
    }),
  },
);

/** A place between two characters the reader sees, with the textblock it is in. */
interface Slot {
  pos: number;
  block: number;
}

/**
 * The places a reader can put the caret, in order. Text struck through as a suggested
 * deletion and zero-width anchors are invisible in the accepted text, so a slot sits after
 * them: then the same slot index means the same place in a suggested and a direct copy.
 */
function slots(doc: PMNode): Slot[] {
  const out: Slot[] = [];
  let block = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    block++;
    out.push({ pos: pos + 1, block });
    node.forEach((child, offset) => {
      const start = pos + 1 + offset;
      const deleted = child.marks.some((m) => m.type.name === "deletion");
      for (let i = 0; i < child.nodeSize; i++) {
        const visible = !deleted && child.text?.[i] !== "\u200B";
        if (visible) out.push({ pos: start + i + 1, block });
        else if (out.length > 0) out[out.length - 1] = { pos: start + i + 1, block };
      }
    });
    return false;
  });
  return out;
}

/** Applies `e` to a transaction; false if it does not fit the document (nothing done). */
function place(e: Edit, tr: Transaction): boolean {
  const all = slots(tr.doc);
  const index = Math.floor(e.at * (all.length - 1));
  const from = all[index];
  if (!from) return false;
  if (e.kind === "insert") tr.insertText(e.text, from.pos);
  else if (e.kind === "split") tr.split(from.pos);
  else {
    const end = all[Math.min(index + e.length, all.length - 1)];
    if (!end || end.block !== from.block || end.pos <= from.pos) return false;
    if (e.kind === "delete") tr.delete(from.pos, end.pos);
    else tr.addMark(from.pos, end.pos, schema.mark("bold"));
  }
  return true;
}

const wholeDocument = (doc: Y.Doc) => {
  const pieces: Piece[] = [];
  for (const block of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    if (block instanceof Y.XmlElement || block instanceof Y.XmlText) piecesOfYElement(block, pieces);
  }
  return pieces;
};

const BASE = [paragraph("Bund und Kantone legen die Ziele fest."), paragraph("Der Kanton setzt sie um.")];
const PEOPLE = [
  { user: { id: "u-claire", name: "Claire", orgId: "sem" }, role: "suggester" as Role },
  { user: { id: "u-marco", name: "Marco", orgId: "sem" }, role: "suggester" as Role },
  { user: { id: "u-lukas", name: "Lukas", orgId: "kanton-so" }, role: "editor" as Role },
];

type Step = { who: number; edit: Edit } | { who: number; sync: true };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ who: fc.integer({ min: 0, max: 2 }), edit }) },
  { weight: 2, arbitrary: fc.record({ who: fc.integer({ min: 0, max: 2 }), sync: fc.constant(true as const) }) },
);

describe("suggestions, property-based", () => {
  it("two suggesters and an editor on replicas that sync in random order: the rule holds on the whole document, all converge", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const server = docWith(BASE);
        const policy = new UpdatePolicy(server);
        const replicaOf = (p: (typeof PEOPLE)[number]) => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
          const editor = new HeadlessEditor(doc, { userId: p.user.id, orgId: p.user.orgId });
          return { ...p, doc, editor, seen: Y.snapshot(server) };
        };
        const replicas = PEOPLE.map(replicaOf);
        const sync = (i: number) => {
          const r = replicas[i];
          if (!r) return;
          const update = Y.encodeStateAsUpdate(r.doc, Y.encodeStateVector(server));
          // Others' changes (insertions or deletions) reached the server since this replica last synced.
          const concurrent = !Y.equalSnapshots(r.seen, Y.snapshot(server));
          const wholeBefore = wholeDocument(server);
          const verdict = policy.evaluate({ user: r.user, role: r.role }, update, {
            crossPartyAcceptance: false,
            locked: false,
            final: false,
            parties: [],
            now: Date.now(),
          });
          if (r.role === "suggester") {
            // The rule judged only the blocks the update touched; the whole document must agree.
            const trial = new Y.Doc();
            Y.applyUpdate(trial, Y.encodeStateAsUpdate(server));
            Y.applyUpdate(trial, update);
            const whole = suggestOnlyViolation(
              { before: wholeBefore, after: wholeDocument(trial) },
              { userId: r.user.id, orgId: r.user.orgId },
              Date.now(),
            );
            expect(verdict.ok ? null : "refused").toBe(whole === null ? null : "refused");
          }
          if (verdict.ok) {
            Y.applyUpdate(server, update);
            Y.applyUpdate(r.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(r.doc)));
          } else {
            // Only edits made on a stale copy may conflict (two people marking the same text);
            // the client then starts over from the server, as the real one does after 4422.
            expect(concurrent, `${r.user.id}'s update refused: ${verdict.reason}`).toBe(true);
            replicas[i] = replicaOf(r);
          }
          const current = replicas[i];
          if (current) current.seen = Y.snapshot(server);
        };
        for (const s of steps) {
          const r = replicas[s.who];
          if (!r) continue;
          if ("sync" in s) sync(s.who);
          else r.editor.edit((tr) => place(s.edit, tr), r.role === "suggester");
        }
        for (let round = 0; round < 2; round++) for (let i = 0; i < replicas.length; i++) sync(i);
        const expected = new HeadlessEditor(server).state.doc.toJSON();
        for (const r of replicas) expect(new HeadlessEditor(r.doc).state.doc.toJSON()).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 600_000);

  it("accepting all of one suggester's suggestions gives the text her edits would have made directly", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const suggested = new HeadlessEditor(docWith(BASE), { userId: "u-claire", orgId: "sem" });
        const direct = new HeadlessEditor(docWith(BASE));
        for (const e of edits) {
          // Place the edit by the text as the reader sees it: the direct copy is that text.
          let fits = true;
          direct.edit((tr) => {
            fits = place(e, tr);
          });
          if (!fits) continue;
          const result = suggested.edit((tr) => place(e, tr), true);
          if (!result.ok) return; // an edit the client refuses to track (reported to the user)
        }
        // Accepting a deletion between two spaces also removes one of them (the library's
        // choice, so that accepted text has no double spaces); compare with runs of spaces folded.
        const paragraphs = (doc: PMNode) => {
          const texts: string[] = [];
          doc.forEach((block) => {
            texts.push(block.textContent.replace(/ {2,}/g, " "));
          });
          return texts;
        };
        expect(paragraphs(withAllAccepted(suggested.state.doc))).toEqual(paragraphs(direct.state.doc));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  }, 600_000);
});
