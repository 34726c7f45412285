import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { isSafeLinkHref, schemaExtensions } from "../../shared/schema/extensions.ts";

const schema = getSchema(schemaExtensions());
const NODE_NAMES = new Set(Object.keys(schema.nodes));
const MARK_NAMES = new Set(Object.keys(schema.marks));

/** Schemes that run code or smuggle documents; checked on every string attribute, with whitespace removed. */
const SCRIPTABLE = /^(javascript|vbscript|data):/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f]+/g;

/** y-prosemirror names marks that may repeat `name--hash`; the schema knows `name`. */
const markName = (attribute: string): string => attribute.split("--")[0] ?? attribute;

/**
 * Problems in content written to the document, as the schema and the link rule see
 * them. TipTap filters links in the editor, but a modified client writes Yjs directly
 * (tiptap#2645 and #5153 were `javascript:` link bypasses), so the server checks again.
 */
export function inspectContentEvent(event: Y.YEvent<Y.AbstractType<unknown>>, problems: string[]): void {
  if (event.target instanceof Y.XmlText) {
    for (const op of (event as Y.YTextEvent).delta) inspectMarks(op.attributes, problems);
    return;
  }
  for (const item of event.changes.added) {
    for (const value of item.content.getContent()) inspectNode(value, problems);
  }
  if (event.target instanceof Y.XmlElement) {
    const element = event.target;
    for (const key of event.changes.keys.keys()) inspectAttribute(key, element.getAttribute(key), problems);
  }
}

function inspectNode(value: unknown, problems: string[]): void {
  if (value instanceof Y.XmlText) {
    for (const op of value.toDelta() as { attributes?: Record<string, unknown> }[])
      inspectMarks(op.attributes, problems);
  } else if (value instanceof Y.XmlElement) {
    if (!NODE_NAMES.has(value.nodeName)) problems.push(`node type not in the schema: ${value.nodeName.slice(0, 40)}`);
    for (const [key, v] of Object.entries(value.getAttributes())) inspectAttribute(key, v, problems);
    for (const child of value.toArray()) inspectNode(child, problems);
  } else {
    problems.push("content that is not an XML element or text");
  }
}

function inspectMarks(attributes: Record<string, unknown> | undefined, problems: string[]): void {
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const name = markName(key);
    if (!MARK_NAMES.has(name)) {
      problems.push(`mark not in the schema: ${name.slice(0, 40)}`);
      continue;
    }
    if (value && typeof value === "object") {
      for (const [attr, v] of Object.entries(value)) inspectAttribute(attr, v, problems);
      const href = (value as { href?: unknown }).href;
      if (name === "link" && (typeof href !== "string" || !isSafeLinkHref(href))) {
        problems.push("link target not allowed (http, https, mailto and tel only)");
      }
    }
  }
}

function inspectAttribute(key: string, value: unknown, problems: string[]): void {
  if (/^on/i.test(key)) problems.push(`event handler attribute not allowed: ${key.slice(0, 40)}`);
  if (typeof value === "string" && SCRIPTABLE.test(value.replace(INVISIBLE, ""))) {
    problems.push(`attribute ${key.slice(0, 40)} holds a scriptable URL`);
  }
}
