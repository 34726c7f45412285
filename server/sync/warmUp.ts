import * as Y from "yjs";
import { wholeStateVector } from "./stateScan.ts";

/**
 * Runs the cold-load path's byte scan over a small document of every kind of content at
 * start-up, so that the first document opened after a restart is not scanned by V8's
 * interpreter: that halves the scan of a large document (about 90 → 50 ms CPU for the
 * KIP concept ×20 on the benchmark machine) for a few milliseconds before listening.
 */
export function warmUpColdLoad(): void {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("warm-up");
  for (let i = 0; i < 200; i++) {
    const block = new Y.XmlElement(i % 5 === 0 ? "heading" : "paragraph");
    block.setAttribute("level", String(i % 3));
    const text = new Y.XmlText();
    block.insert(0, [text]);
    fragment.push([block]);
    text.insert(0, `Absatz ${i} mit etwas Text`, i % 2 ? { bold: true } : {});
    text.delete(3, 2);
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  for (let i = 0; i < 5; i++) wholeStateVector(update);
}
