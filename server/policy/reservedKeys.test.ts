import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { reservedKeyProblem } from "./reservedKeys.ts";

/** An object with an own key `__proto__`, as JSON.parse (and a modified client) makes it. */
const protoKey = (value: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>;

/** The update `change` makes to a document holding one paragraph of text. */
/** The decoded update of `change`, as the policy receives it. */
function updateOf(change: (text: Y.XmlText, doc: Y.Doc) => void): ReturnType<typeof Y.decodeUpdate> {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  doc.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  const text = new Y.XmlText("Programmvereinbarung");
  paragraph.insert(0, [text]);
  const before = Y.encodeStateVector(doc);
  change(text, doc);
  return Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before));
}

describe("reservedKeyProblem", () => {
  it("finds __proto__ as a format key, a map key and an element attribute", () => {
    expect(reservedKeyProblem(updateOf((t) => t.format(0, 4, protoKey({ bold: true }))))).toMatch(/format __proto__/);
    expect(reservedKeyProblem(updateOf((_, d) => d.getMap("comments").set("__proto__", 1)))).toMatch(/key __proto__/);
    const attribute = (t: Y.XmlText) => (t.parent as Y.XmlElement).setAttribute("__proto__", "x");
    expect(reservedKeyProblem(updateOf(attribute))).toMatch(/key __proto__/);
  });

  it("finds an own __proto__ key at any depth of a JSON value: map values, embeds, format values, arrays", () => {
    const deep = { a: [1, { b: [protoKey({ colspan: 9 })] }] };
    expect(reservedKeyProblem(updateOf((_, d) => d.getMap("comments").set("t", deep)))).toMatch(/value/);
    expect(reservedKeyProblem(updateOf((t) => t.insertEmbed(1, deep)))).toMatch(/value/);
    expect(reservedKeyProblem(updateOf((t) => t.format(0, 4, { link: protoKey({ href: "x" }) })))).toMatch(/value/);
    expect(reservedKeyProblem(updateOf((_, d) => d.getArray("a").insert(0, [[deep]])))).toMatch(/value/);
    const nullPrototype = JSON.parse('{"__proto__": null}');
    expect(reservedKeyProblem(updateOf((_, d) => d.getMap("comments").set("t", nullPrototype)))).toMatch(/value/);
  });

  it("passes what honest clients write, constructor and prototype as ordinary keys included", () => {
    expect(reservedKeyProblem(updateOf((t) => t.insert(3, "neu", { bold: true })))).toBeNull();
    expect(reservedKeyProblem(updateOf((t) => t.format(0, 4, { link: { href: "https://a.ch" } })))).toBeNull();
    const thread = { inner: { constructor: "x", prototype: [1, "2", null, { ok: true }] } };
    expect(reservedKeyProblem(updateOf((_, d) => d.getMap("comments").set("t", thread)))).toBeNull();
  });

  it("walks a deeply nested value without overflowing the stack", () => {
    let value: unknown = protoKey({ x: 1 });
    // lib0 decodes values recursively itself (deeper than some thousand levels it overflows
    // while decoding, before this walk runs); the walk itself keeps no stack.
    for (let i = 0; i < 1_000; i++) value = [value];
    const update = updateOf((_, d) => d.getMap("m").set("v", value as unknown[]));
    expect(reservedKeyProblem(update)).toMatch(/value/);
  });
});
