import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

const native = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "contentEditable");

/**
 * React saves and restores the selection of the focused element around every commit when
 * that element reads `contentEditable === "true"`, and to save it walks the element's whole
 * DOM counting characters up to the caret: for a 150-page editor, a walk of every text node
 * on each commit of any panel (the largest self time when typing, ~3 s of a 35 s profile).
 * ProseMirror owns the editor's selection, so the editor's root reads "inherit" to React;
 * the attribute, which is what makes it editable, and writes are untouched. ProseMirror only
 * compares this property with "false".
 */
export const ReactLeavesSelection = Extension.create({
  name: "reactLeavesSelection",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("reactLeavesSelection"),
        view: (view) => {
          const dom = view.dom;
          if (!native?.set) return {};
          Object.defineProperty(dom, "contentEditable", {
            configurable: true,
            get: () => "inherit",
            set: (value: string) => native.set?.call(dom, value),
          });
          return { destroy: () => delete (dom as { contentEditable?: string }).contentEditable };
        },
      }),
    ];
  },
});
