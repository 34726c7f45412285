import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { type ProsemirrorBinding, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";

type TypeChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void;

/**
 * Keeps the ProseMirror nodes of the blocks a remote change did not touch. y-tiptap 3.0.9
 * clears its whole Yjs→ProseMirror node mapping on every remote update and rebuilds the
 * document from Yjs, so one remote keystroke in a 150-page document creates every node
 * anew: ProseMirror re-compares the whole view, and every derivation that reuses unchanged
 * blocks (outline, suggestions, grids, comment passages) starts over; with four remote
 * typists that was most of the main thread. Without the clear, the binding does what
 * y-prosemirror does: it drops the mapping of the types the Yjs transaction changed or
 * deleted (and their ancestors) and rebuilds only those. Snapshot rendering keeps the clear.
 * Must come after the Collaboration extension, whose plugin creates and starts the binding.
 */
export const ReuseUnchangedBlocks = Extension.create({
  name: "reuseUnchangedBlocks",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("reuseUnchangedBlocks"),
        view: (view) => {
          const state: { binding?: ProsemirrorBinding } | undefined = ySyncPluginKey.getState(view.state);
          const binding = state?.binding;
          if (!binding) return {};
          const typeChanged: TypeChanged = binding._observeFunction;
          const keepingNodes: TypeChanged = (events, transaction) => {
            const sync = ySyncPluginKey.getState(view.state) as
              | { snapshot?: unknown; prevSnapshot?: unknown }
              | undefined;
            if (sync?.snapshot != null || sync?.prevSnapshot != null) return typeChanged(events, transaction);
            const mapping = binding.mapping as Map<unknown, unknown> & { clear: () => void };
            mapping.clear = () => {}; // shadows Map.prototype.clear for this call only
            try {
              typeChanged(events, transaction);
            } finally {
              delete (mapping as { clear?: () => void }).clear;
            }
          };
          // Already observing (the sync plugin's view starts the binding first): swap the observer.
          if (binding.prosemirrorView) {
            binding.type.unobserveDeep(typeChanged);
            binding.type.observeDeep(keepingNodes);
          }
          binding._observeFunction = keepingNodes;
          return {};
        },
      }),
    ];
  },
});
