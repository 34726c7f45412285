import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** An XML element as tests look at it: name, attributes, children, its own text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML with a real parser (saxes) into a tree, for tests that look into DOCX parts. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    stack.at(-1)?.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(xml).close();
  return root;
}

/** Every element named `name` under `el`, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The first element named `name` under `el`. */
export const first = (el: XmlElement, name: string): XmlElement | undefined => all(el, name)[0];

/** The concatenated text of every `w:t` / `w:delText` under `el`. */
export const textOf = (el: XmlElement): string =>
  el.children.map((c) => (c.name === "w:t" || c.name === "w:delText" ? c.text : textOf(c))).join("");

/** The parts of a DOCX, each parsed. */
export function docxParts(bytes: Uint8Array): Record<string, XmlElement> {
  const out: Record<string, XmlElement> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (name.endsWith(".xml") || name.endsWith(".rels")) out[name] = parseXml(strFromU8(data));
  return out;
}
