import { SaxesParser } from "saxes";

/** What a rewrite may change: an attribute's value, or the text of an element (by its name). */
export interface XmlEdits {
  attribute?: (element: string, name: string, value: string) => string;
  text?: (element: string, text: string) => string;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/**
 * Parses an XML part with a real parser (saxes) and writes it again with `edits` applied:
 * same elements, attributes (in their order), text and declaration, so an untouched part
 * reads the same. Only for parts our own packer wrote (no DTD, comments or CDATA to keep).
 */
export function rewriteXml(xml: string, edits: XmlEdits): string {
  const parser = new SaxesParser({ xmlns: false });
  const out: string[] = [];
  const open: string[] = [];
  parser.on("xmldecl", (decl) => {
    const standalone = decl.standalone ? ` standalone="${decl.standalone}"` : "";
    out.push(`<?xml version="${decl.version ?? "1.0"}" encoding="${decl.encoding ?? "UTF-8"}"${standalone}?>`);
  });
  parser.on("opentag", (tag) => {
    const attributes = Object.entries(tag.attributes as Record<string, string>)
      .map(([name, value]) => ` ${name}="${escapeAttribute(edits.attribute?.(tag.name, name, value) ?? value)}"`)
      .join("");
    out.push(`<${tag.name}${attributes}${tag.isSelfClosing ? "/>" : ">"}`);
    if (!tag.isSelfClosing) open.push(tag.name);
  });
  parser.on("text", (text) => {
    const element = open.at(-1);
    out.push(escapeText(element && edits.text ? edits.text(element, text) : text));
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    open.pop();
    out.push(`</${tag.name}>`);
  });
  parser.write(xml).close();
  return out.join("");
}
