import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { nodeOfYBlock } from "../../../shared/schema/yjsNode.ts";

const schema = getSchema(schemaExtensions());

/** The child of `fragment` that contains `type`; null for the fragment itself. */
function topLevelBlock(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): Y.XmlElement | Y.XmlText | null {
  let t = type;
  while (t._item && t._item.parent !== fragment) t = t._item.parent as Y.AbstractType<unknown>;
  return t._item && (t instanceof Y.XmlElement || t instanceof Y.XmlText) ? t : null;
}

/**
 * Watches the shared content for blocks the shared schema cannot build, before the editor
 * binds them. y-prosemirror deletes what it cannot build, in the reader's own doc: a reader
 * may not send that deletion, is refused with 4422, reloads, receives the same content and
 * deletes it again, a reconnect loop (issue 11). The server refuses such content now; a
 * document stored before that is reported once, so the page stops and says so instead.
 * Must be created before the editor, so that its observer runs first.
 */
export class ContentGuard {
  /** Why the content cannot be shown; null while it can. */
  problem: string | null = null;

  constructor(
    private readonly fragment: Y.XmlFragment,
    private readonly onUnrenderable: (problem: string) => void,
  ) {
    fragment.observeDeep(this.onChange);
  }

  destroy(): void {
    this.fragment.unobserveDeep(this.onChange);
  }

  // Only content that arrived (from the server or the offline copy) is judged: the editor's
  // own edits are built by ProseMirror, and the server answers any it refuses with 4422.
  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    if (this.problem !== null || transaction.local) return;
    this.problem = problemOf(events, this.fragment);
    if (this.problem !== null) this.onUnrenderable(this.problem);
  };
}

/** Why the blocks these events touched or added cannot be built, or null; only those blocks are read, as on the server. */
function problemOf(events: Y.YEvent<Y.AbstractType<unknown>>[], fragment: Y.XmlFragment): string | null {
  const blocks = new Set<Y.XmlElement | Y.XmlText>();
  for (const event of events) {
    const block = topLevelBlock(event.target, fragment);
    if (block) blocks.add(block);
    else if (event.target === fragment) {
      for (const item of event.changes.added) {
        const added = item.content.getContent()[0];
        if (!(added instanceof Y.XmlElement || added instanceof Y.XmlText))
          return "content that is not an XML element or text";
        blocks.add(added);
      }
    }
  }
  for (const block of blocks) {
    if (block._item?.deleted) continue;
    try {
      nodeOfYBlock(schema, block);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  return null;
}
