import { getSchema } from "@tiptap/core";
import * as Y from "yjs";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { nodeOfYElement, outermostTargets, structureTarget } from "../../../shared/schema/yjsNode.ts";

const schema = getSchema(schemaExtensions());

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

/** Why what these events changed cannot be built, or null; only that is read, as on the server. */
function problemOf(events: Y.YEvent<Y.AbstractType<unknown>>[], fragment: Y.XmlFragment): string | null {
  const targets = new Set<Y.XmlElement | Y.XmlText>();
  for (const event of events) {
    const target = structureTarget(event.target, fragment);
    if (target) targets.add(target);
    else if (event.target === fragment) {
      for (const item of event.changes.added) {
        const added = item.content.getContent()[0];
        if (!(added instanceof Y.XmlElement || added instanceof Y.XmlText))
          return "content that is not an XML element or text";
        targets.add(added);
      }
    }
  }
  for (const target of outermostTargets(targets, fragment)) {
    if (target._item?.deleted) continue;
    try {
      nodeOfYElement(schema, target);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  return null;
}
