import { getSchema } from "@tiptap/core";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";
import type { SuggestionAuthor } from "../../shared/suggestions/ids.ts";
import { trackAsSuggestion } from "../../shared/suggestions/track.ts";

export const schema = getSchema(schemaExtensions());

/** A Y.Doc whose content is the given ProseMirror JSON blocks. */
export function docWith(blocks: unknown[]): Y.Doc {
  const ydoc = new Y.Doc();
  const editor = new HeadlessEditor(ydoc);
  editor.edit((tr) =>
    tr.replaceWith(0, tr.doc.content.size, schema.nodeFromJSON({ type: "doc", content: blocks }).content),
  );
  return ydoc;
}

export const paragraph = (text: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });

type EditResult = { ok: true; update: Uint8Array | null } | { ok: false; reason: string };

/**
 * A ProseMirror editor without a browser, bound to a Y.Doc the way y-tiptap binds the real
 * one: edits go through the same tracking as in the client and are written to Yjs with
 * y-tiptap's own diff. Used to make the updates a real client would send.
 */
export class HeadlessEditor {
  state!: EditorState;
  private meta!: ReturnType<typeof initProseMirrorDoc>["meta"];

  constructor(
    readonly ydoc: Y.Doc,
    readonly author?: SuggestionAuthor,
  ) {
    this.refresh();
  }

  /** Re-reads the document from Yjs (after remote updates). */
  refresh(): void {
    const { doc, meta } = initProseMirrorDoc(this.ydoc.getXmlFragment(CONTENT_FIELD), schema);
    this.state = EditorState.create({ doc });
    this.meta = meta;
  }

  /** Makes an edit; with `suggest`, tracked as the author's suggestion. Returns the Yjs update it produced. */
  edit(change: (tr: Transaction) => void, suggest = false, now = Date.now()): EditResult {
    this.refresh();
    let tr = this.state.tr;
    change(tr);
    if (suggest) {
      if (!this.author) throw new Error("suggesting needs an author");
      const tracked = trackAsSuggestion(this.state, tr, this.author, now);
      if (!tracked.ok) return { ok: false, reason: tracked.reason };
      tr = tracked.tr;
    }
    return { ok: true, update: this.write(tr.doc) };
  }

  /** Writes a whole new document state (as a command such as accept would produce). */
  write(doc: EditorState["doc"]): Uint8Array | null {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    this.ydoc.on("update", capture);
    try {
      this.ydoc.transact(() => updateYFragment(this.ydoc, this.ydoc.getXmlFragment(CONTENT_FIELD), doc, this.meta));
    } finally {
      this.ydoc.off("update", capture);
    }
    this.refresh();
    return update;
  }

  /** Runs a ProseMirror command (accept, reject...) directly, not tracked. */
  command(cmd: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): Uint8Array | null {
    this.refresh();
    let next: EditorState["doc"] | null = null;
    cmd(this.state, (tr) => {
      next = tr.doc;
    });
    return next ? this.write(next) : null;
  }

  get json(): unknown {
    this.refresh();
    return this.state.doc.toJSON();
  }
}

/** Position just inside the end of the first non-empty paragraph of the editor's document. */
export function endOfFirstParagraph(editor: HeadlessEditor): number {
  let at = -1;
  editor.state.doc.forEach((node, offset) => {
    if (at < 0 && node.type.name === "paragraph" && node.content.size > 0) at = offset + node.nodeSize - 1;
  });
  return at;
}
