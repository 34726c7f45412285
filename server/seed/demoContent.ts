import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";

/** The Yjs state of a document whose content is the given ProseMirror JSON, checked against the schema. */
export function yjsStateOf(content: JSONContent): Uint8Array {
  const schema = getSchema(schemaExtensions());
  schema.nodeFromJSON(content).check();
  const doc = prosemirrorJSONToYDoc(schema, content, CONTENT_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
