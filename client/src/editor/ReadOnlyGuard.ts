import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { type ProsemirrorBinding, ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * Keeps an editor that may not edit from writing into the shared content. The Yjs sync
 * plugin copies the ProseMirror document into Yjs after every view update, not only after
 * edits; where ProseMirror's rendering differs from the stored Yjs (attribute defaults,
 * normalisation) that copy is a content change. For a commenter or viewer the server refuses
 * it with 4422, the client reloads, and the same copy is refused again: a reset loop.
 * Remote changes still flow into the editor; only the way back is closed while read-only.
 * Must come after the Collaboration extension, whose plugin creates the binding.
 */
export const ReadOnlyGuard = Extension.create({
  name: "readOnlyGuard",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("readOnlyGuard"),
        view: (view) => {
          const state: { binding?: ProsemirrorBinding } | undefined = ySyncPluginKey.getState(view.state);
          const binding = state?.binding;
          if (binding) {
            const write = binding._prosemirrorChanged.bind(binding);
            binding._prosemirrorChanged = (doc) => {
              if (editor.isEditable) write(doc);
            };
          }
          return {};
        },
      }),
    ];
  },
});
