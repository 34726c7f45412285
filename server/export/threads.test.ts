import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addReply, createThread, setResolved } from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { setWordOrigin, wordOriginKey } from "../../shared/word/origins.ts";
import { docWith, paragraph } from "../../tests/helpers/headlessEditor.ts";
import { exportAnnotations } from "./threads.ts";

const ANNA = { id: "u-anna", name: "Anna Muster", orgId: "so" };
const BEAT = { id: "u-beat", name: "Beat Keller", orgId: "sem" };

/** A relative position `i` characters into the text of the `block`-th block. */
function at(ydoc: Y.Doc, block: number, i: number): Uint8Array {
  const text = (ydoc.getXmlFragment(CONTENT_FIELD).get(block) as Y.XmlElement).get(0) as Y.XmlText;
  return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i));
}

describe("threads for export", () => {
  it("places each thread at its passage in the exported document, with replies, resolved state and Word origins", () => {
    const ydoc = docWith([paragraph("Hallo Welt"), paragraph("Zweiter Absatz")]);
    const open = createThread(ydoc, {
      author: ANNA,
      text: "Warum?",
      quote: "Welt",
      anchorStart: at(ydoc, 0, 6),
      anchorEnd: at(ydoc, 0, 10),
    });
    const reply = addReply(ydoc, open, BEAT, "Darum.");
    const done = createThread(ydoc, {
      author: BEAT,
      text: "Ok",
      quote: "Zweiter",
      anchorStart: at(ydoc, 1, 0),
      anchorEnd: at(ydoc, 1, 7),
    });
    setResolved(ydoc, done, true, ANNA);
    setWordOrigin(ydoc, wordOriginKey.reply(reply), { author: "Jurist Kanton", date: "2024-03-01T10:00:00Z" });
    const { threads } = exportAnnotations(Y.encodeStateAsUpdate(ydoc));
    const byId = new Map(threads.map((t) => [t.id, t]));
    // "Hallo Welt" starts at 1: "Welt" is 7..11; the second paragraph's text starts at 13.
    expect(byId.get(open)).toMatchObject({ author: "Anna Muster", resolved: false, range: { from: 7, to: 11 } });
    expect(byId.get(open)?.replies).toEqual([
      expect.objectContaining({ author: "Jurist Kanton", at: "2024-03-01T10:00:00Z", text: "Darum." }),
    ]);
    expect(byId.get(done)).toMatchObject({ author: "Beat Keller", resolved: true, range: { from: 13, to: 20 } });
  });

  it("keeps a thread whose passage was deleted, without a range", () => {
    const ydoc = docWith([paragraph("Hallo Welt"), paragraph("Rest")]);
    const id = createThread(ydoc, {
      author: ANNA,
      text: "Weg",
      quote: "Welt",
      anchorStart: at(ydoc, 0, 6),
      anchorEnd: at(ydoc, 0, 10),
    });
    ydoc.getXmlFragment(CONTENT_FIELD).delete(0, 1);
    const [thread] = exportAnnotations(Y.encodeStateAsUpdate(ydoc)).threads;
    expect(thread?.id).toBe(id);
    expect(thread?.range).toBeUndefined();
  });
});
