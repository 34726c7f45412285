import type { Editor } from "@tiptap/react";
import { isSafeLinkHref } from "../../../shared/schema/extensions.ts";

/** What happened to the link: set, removed, nothing (prompt cancelled), or refused as unsafe. */
export type LinkOutcome = "set" | "removed" | "cancelled" | "unsafe";

/**
 * Sets, changes or removes the link at the selection. `href` is what the user typed:
 * null (cancelled) changes nothing, empty removes the link, and anything that is not
 * http(s), mailto or tel is refused (javascript: links would run in the reader's session).
 */
export function applyLink(editor: Editor, href: string | null): LinkOutcome {
  if (href === null) return "cancelled";
  const target = href.trim();
  const chain = editor.chain().focus().extendMarkRange("link");
  if (target === "") {
    chain.unsetLink().run();
    return "removed";
  }
  if (!isSafeLinkHref(target)) return "unsafe";
  if (editor.state.selection.empty && !editor.isActive("link")) {
    // No text selected: insert the address itself as the link text.
    chain.insertContent({ type: "text", text: target, marks: [{ type: "link", attrs: { href: target } }] }).run();
  } else {
    chain.setLink({ href: target }).run();
  }
  return "set";
}

/** The href of the link at the selection, to prefill the prompt. */
export const currentLinkHref = (editor: Editor): string => {
  const href: unknown = editor.getAttributes("link").href;
  return typeof href === "string" ? href : "";
};
