import { setImmediate as yieldToLoop } from "node:timers/promises";
import { SaxesParser } from "saxes";
import { DocxImportError } from "../imported.ts";

/** One element of a part, its name with the canonical prefix of its namespace (`w:p`, `r:id`). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
/** A child of an element: an element, or text (kept only where the parser was asked to). */
export type XmlNode = XmlElement | string;

/** How large a part's element tree may grow before the file is refused as too complex. */
export interface XmlLimits {
  /** Deepest nesting of elements (saxes keeps one object per open element). */
  maxDepth: number;
  /** Most attributes on one element. */
  maxAttributes: number;
  /** Most elements in one part: the tree is held whole, so its size must be bounded. */
  maxElements: number;
}

/**
 * Canonical prefixes by namespace: a writer may bind any prefix, so names are compared by
 * namespace, not by the prefix the file happens to use. Strict OOXML's URIs map to the same.
 */
const PREFIXES: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
  "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
  "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://www.w3.org/XML/1998/namespace": "xml",
};

const canonical = (uri: string, local: string): string => {
  const prefix = PREFIXES[uri];
  return prefix ? `${prefix}:${local}` : uri ? `{${uri}}${local}` : local;
};

/** Bytes decoded and parsed per turn of the event loop, so a large part never blocks other requests for long. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Parses one XML part (UTF-8) into an element tree with a real XML parser, namespace-aware.
 * Text is kept only inside the elements named in `textIn` (`w:t`, `w:delText`): everything
 * else Word writes between elements is layout whitespace. Throws `DocxImportError`
 * ("malformed_xml") on XML that is not well-formed and ("too_complex") past `limits`.
 */
export async function parseXml(bytes: Uint8Array, limits: XmlLimits, textIn: ReadonlySet<string>): Promise<XmlElement> {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  let attributes = 0;
  let tooComplex: string | null = null;
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > limits.maxAttributes) {
      tooComplex = `an element with more than ${limits.maxAttributes} attributes`;
      throw new Error(tooComplex);
    }
  });
  parser.on("opentag", (tag) => {
    if (++elements > limits.maxElements) tooComplex = `more than ${limits.maxElements} elements in one part`;
    else if (stack.length > limits.maxDepth) tooComplex = `elements nested deeper than ${limits.maxDepth} levels`;
    if (tooComplex) throw new Error(tooComplex);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs[canonical(a.uri, a.local)] = a.value;
    }
    const element: XmlElement = { name: canonical(tag.uri, tag.local), attrs, children: [] };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current && textIn.has(current.name)) current.children.push(text);
  });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
      if (at > 0) await yieldToLoop();
      parser.write(decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true }));
    }
    parser.write(decoder.decode()).close();
  } catch (err) {
    if (tooComplex) throw new DocxImportError("too_complex", tooComplex);
    throw new DocxImportError("malformed_xml", `not well-formed XML: ${(err as Error).message.slice(0, 200)}`);
  }
  const [top] = root.children;
  if (typeof top !== "object") throw new DocxImportError("malformed_xml", "no root element");
  return top;
}

/** The first child element named `name`. */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c): c is XmlElement => typeof c === "object" && c.name === name);

/** All child elements (named `name`, when given). */
export const elements = (el: XmlElement | undefined, name?: string): XmlElement[] =>
  (el?.children ?? []).filter((c): c is XmlElement => typeof c === "object" && (name === undefined || c.name === name));

/** The text directly inside an element (`w:t`). */
export const textOf = (el: XmlElement): string => el.children.filter((c) => typeof c === "string").join("");

/** `w:val` of the child `name`, or undefined when the child is absent. */
export const valOf = (el: XmlElement | undefined, name: string): string | undefined => {
  const c = child(el, name);
  return c ? (c.attrs["w:val"] ?? "") : undefined;
};

/** An OOXML on/off property: present without a value means on; "0", "false", "off" mean off. */
export const onOff = (el: XmlElement | undefined, name: string): boolean | undefined => {
  const value = valOf(el, name);
  if (value === undefined) return undefined;
  return !["0", "false", "off"].includes(value.toLowerCase());
};

/** Every element below `el`, depth first (for counting what is skipped inside a subtree). */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    yield c;
    yield* descendants(c);
  }
}
