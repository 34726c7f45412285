import { getSchema } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { readThreads } from "../../shared/comments/model.ts";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";
import { elementDepth, MAX_ELEMENT_DEPTH } from "../../shared/schema/yjsNode.ts";
import { listSuggestions } from "../../shared/suggestions/list.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import { documentTooDeep } from "../errors.ts";
import type { VersionRow } from "../store/ports/VersionStore.ts";
import { chainHashOf, contentHashOf, stateHashOf } from "./hashes.ts";

const schema = getSchema(schemaExtensions());

/** Suggestions and comment threads still open in a document, as a version records them. */
export interface OpenItems {
  suggestions: { id: string; authorId: string | null; inserted: string; deleted: string }[];
  threads: { id: string; authorId: string; quote: string }[];
}

/**
 * The document as ProseMirror JSON (from the shared schema) and what is still open in it.
 * Reads a copy: y-tiptap deletes from the Y.Doc whatever it cannot build, and reading the
 * live room's doc must never change it (content stored before the structure checks).
 * Throws `document_too_deep` (422) for content nested past what the policy stores, which
 * y-tiptap's recursive reading would overflow the stack on.
 */
export function readDocument(doc: Y.Doc): { json: unknown; open: OpenItems } {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    if (elementDepth(copy.getXmlFragment(CONTENT_FIELD)) > MAX_ELEMENT_DEPTH) throw documentTooDeep(MAX_ELEMENT_DEPTH);
    const node = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(CONTENT_FIELD), schema);
    return {
      json: node.toJSON(),
      open: {
        suggestions: listSuggestions(node).map((s) => ({
          id: s.id,
          authorId: s.origin?.userId ?? null,
          inserted: s.inserted,
          deleted: s.deleted,
        })),
        threads: readThreads(copy)
          .filter((t) => !t.resolved)
          .map((t) => ({ id: t.id, authorId: t.authorId, quote: t.quote })),
      },
    };
  } finally {
    copy.destroy();
  }
}

/**
 * A new version of `doc` as it is now: its Yjs state, the canonical ProseMirror JSON and
 * their hashes, chained to `previous`. Pure: the caller decides when the state is final.
 */
export function freezeVersion(input: {
  id: string;
  documentId: string;
  milestone: string;
  doc: Y.Doc;
  frozenBy: string;
  frozenAt: string;
  previous: VersionRow | null;
  /** What exports print about it (record.ts), or null. */
  record: string | null;
}): VersionRow {
  const { json, open } = readDocument(input.doc);
  const pmJson = canonicalJson(json);
  const state = Y.encodeStateAsUpdate(input.doc);
  const fields = {
    id: input.id,
    documentId: input.documentId,
    seq: (input.previous?.seq ?? 0) + 1,
    milestone: input.milestone,
    contentHash: contentHashOf(pmJson),
    stateHash: stateHashOf(state),
    prevHash: input.previous?.chainHash ?? null,
    frozenBy: input.frozenBy,
    frozenAt: input.frozenAt,
    openItems: canonicalJson(open),
    record: input.record,
  };
  return { ...fields, state, pmJson, chainHash: chainHashOf(fields) };
}
