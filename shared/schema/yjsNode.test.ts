import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD, schemaExtensions } from "./extensions.ts";
import {
  elementDepth,
  MAX_ELEMENT_DEPTH,
  nodeOfYElement,
  outermostTargets,
  structureTarget,
  topLevelProblem,
} from "./yjsNode.ts";

const schema = getSchema(schemaExtensions());
type Attrs = Record<string, object | number | string>;

/** A fragment holding `blocks`, written the way a raw Yjs client would write them. */
function fragmentWith(...blocks: (Y.XmlElement | Y.XmlText)[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment(CONTENT_FIELD);
  fragment.insert(0, blocks);
  return fragment;
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[] = [], attrs: Attrs = {}) {
  const el = new Y.XmlElement<Attrs>(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.insert(0, children);
  return el as unknown as Y.XmlElement;
}
const text = (s: string, marks?: Record<string, unknown>) => {
  const t = new Y.XmlText();
  t.insert(0, s, marks);
  return t;
};
const cell = (attrs: Attrs) => element("tableCell", [element("paragraph", [text("x")])], attrs);
const table = (attrs: Attrs) => element("table", [element("tableRow", [cell(attrs)])]);

/** The reason `block` is refused, or null when it builds. */
function problemOf(block: Y.XmlElement | Y.XmlText): string | null {
  const fragment = fragmentWith(block);
  try {
    nodeOfYElement(schema, fragment.get(0) as Y.XmlElement);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe("nodeOfYElement", () => {
  it("builds what the editor writes: headings, lists, merged cells with widths, marks", () => {
    const doc = prosemirrorJSONToYDoc(
      schema,
      {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 6 }, content: [{ type: "text", text: "Titel" }] },
          {
            type: "orderedList",
            attrs: { start: 0 },
            content: [{ type: "listItem", content: [{ type: "paragraph" }] }],
          },
          {
            type: "table",
            content: [
              {
                type: "tableRow",
                content: [
                  { type: "tableHeader", attrs: { colspan: 2, colwidth: [100, 0] }, content: [{ type: "paragraph" }] },
                ],
              },
            ],
          },
          {
            type: "paragraph",
            content: [
              {
                type: "text",
                text: "fett",
                marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://a.ch" } }],
              },
            ],
          },
        ],
      },
      CONTENT_FIELD,
    );
    const fragment = doc.getXmlFragment(CONTENT_FIELD);
    for (const block of fragment.toArray()) expect(() => nodeOfYElement(schema, block as Y.XmlElement)).not.toThrow();
    expect(topLevelProblem(schema, fragment)).toBeNull();
  });

  it("accepts an insertion and a deletion on the same text, as concurrent suggestions leave it", () => {
    const both = { insertion: { id: "a" }, deletion: { id: "b" } };
    expect(problemOf(element("paragraph", [text("beides", both)]))).toBeNull();
  });

  it.each([
    [
      "an embedded Y.XmlText",
      () => {
        const t = text("ab");
        const p = element("paragraph", [t]);
        t.insertEmbed(1, new Y.XmlText("eingebettet"));
        return p;
      },
      /embedded/,
    ],
    [
      "an embedded object",
      () => {
        const t = text("ab");
        const p = element("paragraph", [t]);
        t.insertEmbed(1, { text: "eingebettet" });
        return p;
      },
      /embedded/,
    ],
    ["a text element", () => element("text", [text("x")]), /not in the schema: text/],
    ["an unknown element", () => element("section"), /not in the schema: section/],
    ["a paragraph in a paragraph", () => element("paragraph", [element("paragraph", [text("x")])]), /does not fit/],
    ["a table in a paragraph", () => element("paragraph", [table({})]), /does not fit/],
    ["an unknown attribute", () => element("paragraph", [], { style: "color:red" }), /no attribute style/],
    ["an unknown mark", () => element("paragraph", [text("x", { blink: {} })]), /mark not in the schema/],
    [
      "a mark attribute the mark lacks",
      () => element("paragraph", [text("x", { bold: { evil: 1 } })]),
      /no attribute evil/,
    ],
    [
      "attributes on text",
      () => {
        const t = text("x");
        t.setAttribute("style", "x");
        return element("paragraph", [t]);
      },
      /attributes on text/,
    ],
    ["colspan 100000000", () => table({ colspan: 100_000_000 }), /colspan must be a whole number from 1 to 100/],
    ["rowspan 0", () => table({ rowspan: 0 }), /rowspan/],
    ["colspan 1.5", () => table({ colspan: 1.5 }), /colspan/],
    ["colspan as text", () => table({ colspan: "2" }), /colspan/],
    ["colwidth of the wrong length", () => table({ colspan: 2, colwidth: [10] }), /colwidth/],
    ["colwidth 1e9", () => table({ colwidth: [1e9] }), /colwidth/],
    ["heading level 99", () => element("heading", [], { level: 99 }), /level/],
    [
      "list start -5",
      () => element("orderedList", [element("listItem", [element("paragraph")])], { start: -5 }),
      /start/,
    ],
    [
      "list start 1e12",
      () => element("orderedList", [element("listItem", [element("paragraph")])], { start: 1e12 }),
      /start/,
    ],
    ["an empty list", () => element("bulletList"), /does not fit/],
    ["a language that is an object", () => element("codeBlock", [], { language: { x: 1 } }), /language/],
  ])("refuses %s", (_name, build, reason) => {
    expect(problemOf(build())).toMatch(reason);
  });

  it("refuses text at the top level and an empty document", () => {
    expect(problemOf(text("lose"))).toMatch(/outside a paragraph/);
    expect(topLevelProblem(schema, fragmentWith(text("lose")))).toMatch(/outside any block/);
    expect(topLevelProblem(schema, fragmentWith())).toMatch(/at least one block/);
    expect(topLevelProblem(schema, fragmentWith(element("listItem", [element("paragraph")])))).toMatch(/top level/);
  });
});

describe("nesting depth and inherited names", () => {
  /** `depth` blockquotes around a paragraph: depth + 1 levels of elements. */
  const quotes = (depth: number): Y.XmlElement => {
    let inner = element("paragraph", [text("tief")]);
    for (let i = 0; i < depth; i++) inner = element("blockquote", [inner]);
    return inner;
  };

  it("builds elements as deep as MAX_ELEMENT_DEPTH and refuses one level more", () => {
    expect(problemOf(quotes(MAX_ELEMENT_DEPTH - 1))).toBeNull();
    expect(problemOf(quotes(MAX_ELEMENT_DEPTH))).toMatch(/deeper than 32 levels/);
  });

  it("counts the ancestors of an element built on its own", () => {
    const fragment = fragmentWith(quotes(MAX_ELEMENT_DEPTH - 1));
    let deepest = fragment.get(0) as Y.XmlElement;
    while (deepest.get(0) instanceof Y.XmlElement && (deepest.get(0) as Y.XmlElement).nodeName === "blockquote") {
      deepest = deepest.get(0) as Y.XmlElement;
    }
    deepest.insert(0, [quotes(0)]);
    expect(() => nodeOfYElement(schema, deepest)).not.toThrow(); // the new paragraph sits at 32
    const inner = deepest.get(1) as Y.XmlElement; // the paragraph that was there, at 32 too
    inner.insert(0, []);
    deepest.insert(0, [quotes(1)]);
    expect(() => nodeOfYElement(schema, deepest.get(0) as Y.XmlElement)).toThrow(/deeper than 32 levels/);
    expect(elementDepth(fragment)).toBe(MAX_ELEMENT_DEPTH + 1);
  });

  it("refuses attribute names the schema only inherits (constructor, toString)", () => {
    expect(problemOf(element("paragraph", [text("x")], { constructor: "x" }))).toMatch(/no attribute constructor/);
    expect(problemOf(element("heading", [text("x")], { level: 2, toString: "x" }))).toMatch(/no attribute toString/);
    expect(problemOf(element("paragraph", [text("x", { link: { href: "https://a.ch", constructor: 1 } })]))).toMatch(
      /no attribute constructor/,
    );
  });
});

describe("structureTarget and outermostTargets", () => {
  it("rebuilds the paragraph around typed text, not the table around it, and each element once", () => {
    const words = text("Zelle");
    const fragment = fragmentWith(
      element("table", [element("tableRow", [element("tableCell", [element("paragraph", [words])])])]),
    );
    const table = fragment.get(0) as Y.XmlElement;
    const paragraph = words.parent as Y.XmlElement;
    expect(structureTarget(words, fragment)).toBe(paragraph);
    expect(structureTarget(table, fragment)).toBe(table);
    expect(structureTarget(fragment, fragment)).toBeNull();
    expect(outermostTargets(new Set([paragraph]), fragment)).toEqual([paragraph]);
    expect(outermostTargets(new Set([paragraph, table]), fragment)).toEqual([table]);
  });

  it("checks a text standing at the top level itself", () => {
    const loose = text("lose");
    const fragment = fragmentWith(loose);
    expect(structureTarget(fragment.get(0), fragment)).toBe(fragment.get(0));
  });
});
