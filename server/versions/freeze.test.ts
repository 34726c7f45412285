import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { MAX_ELEMENT_DEPTH } from "../../shared/schema/yjsNode.ts";
import { AppError } from "../errors.ts";
import { readDocument } from "./freeze.ts";

describe("readDocument", () => {
  it("never changes the doc it reads, even where the schema cannot build its content", () => {
    // As a document stored before the policy checked structure could hold it.
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    const good = new Y.XmlElement("paragraph");
    const bad = new Y.XmlElement("paragraph");
    fragment.insert(0, [good, bad]);
    good.insert(0, [new Y.XmlText("Ziel 1")]);
    bad.insert(0, [new Y.XmlElement("table")]);
    const before = fragment.toString();
    let updates = 0;
    doc.on("update", () => updates++);

    const { json } = readDocument(doc);

    // y-tiptap deletes what it cannot build; on the live room's doc that is a change in nobody's name.
    expect(updates).toBe(0);
    expect(fragment.toString()).toBe(before);
    expect(JSON.stringify(json)).toContain("Ziel 1");
  });

  it("refuses content nested deeper than the policy stores with document_too_deep, not a stack overflow", () => {
    const doc = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(CONTENT_FIELD);
    for (let i = 0; i < 1500; i++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement("paragraph");
    parent.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText("tief")]);
    let refusal: unknown = null;
    try {
      readDocument(doc);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 422, code: "document_too_deep" });
    expect(MAX_ELEMENT_DEPTH).toBeLessThan(1500);
  });
});
