import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { specDocx, specEntries } from "../../../tests/helpers/wordFiles.ts";
import { DocxImportError } from "../imported.ts";
import { readDocx } from "./index.ts";
import { parseXml } from "./xml.ts";

const LIMITS = { maxDepth: 10, maxAttributes: 5, maxElements: 50 };
const TEXT = new Set(["w:t"]);
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

describe("parseXml", () => {
  it("names elements and attributes by namespace, whatever prefix the file binds", async () => {
    const root = await parseXml(
      strToU8(
        `<x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t x:space="a">Hallo</x:t></x:r></x:p></x:body></x:document>`,
      ),
      LIMITS,
      TEXT,
    );
    expect(JSON.stringify(root)).toBe(
      JSON.stringify({
        name: "w:document",
        attrs: {},
        children: [
          {
            name: "w:body",
            attrs: {},
            children: [
              {
                name: "w:p",
                attrs: {},
                children: [
                  {
                    name: "w:r",
                    attrs: {},
                    children: [{ name: "w:t", attrs: { "w:space": "a" }, children: ["Hallo"] }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
  });

  it("does not take an element of another namespace for Word's, even with the prefix w", async () => {
    const root = await parseXml(strToU8('<w:p xmlns:w="urn:not-word"/>'), LIMITS, TEXT);
    expect(root.name).toBe("{urn:not-word}p");
  });

  it("keeps text only inside the elements asked for, entities decoded", async () => {
    const root = await parseXml(strToU8(`<w:r xmlns:w="${W}">  <w:t>A &amp; B</w:t>\n</w:r>`), LIMITS, TEXT);
    expect(root.children).toEqual([{ name: "w:t", attrs: {}, children: ["A & B"] }]);
  });

  it("refuses depth, attributes and elements beyond the limits as too complex, and broken XML as malformed", async () => {
    const codes = async (xml: string) =>
      parseXml(strToU8(xml), LIMITS, TEXT).then(
        () => "parsed",
        (err: unknown) => (err instanceof DocxImportError ? err.problem : String(err)),
      );
    expect(await codes(`${"<a>".repeat(11)}${"</a>".repeat(11)}`)).toBe("too_complex");
    expect(await codes(`${"<a>".repeat(10)}${"</a>".repeat(10)}`)).toBe("parsed");
    expect(await codes('<a b="1" c="2" d="3" e="4" f="5" g="6"/>')).toBe("too_complex");
    expect(await codes(`<a>${"<b/>".repeat(60)}</a>`)).toBe("too_complex");
    expect(await codes("<a><b></a>")).toBe("malformed_xml");
    expect(await codes('<w:a xmlns:q="urn:x"/>')).toBe("malformed_xml"); // an unbound prefix
    expect(await codes('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toBe("malformed_xml");
  });
});

describe("readDocx with a prefix other than w", () => {
  it("reads the same body", async () => {
    const entries = specEntries({ body: "" });
    entries["word/document.xml"] =
      `<q:document xmlns:q="${W}"><q:body><q:p><q:r><q:t>Anders</q:t></q:r></q:p></q:body></q:document>`;
    const file = specDocx({ body: "", extra: entries });
    const { doc } = await readDocx(file);
    expect(doc.content?.[0]?.content?.[0]?.text).toBe("Anders");
  });
});
