import { CaretUser, caretLabel } from "../collab/CaretUser.ts";

/** Caret colour for a remote state that does not parse (never shown in practice). */
const UNKNOWN_COLOUR = "#5f6b7a";

/**
 * The DOM of a remote user's caret: a coloured bar with a label "Name (Organisation)".
 * The awareness state comes from another client, so it is parsed, and the label is set
 * as text, never as HTML.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const parsed = CaretUser.safeParse(user);
  const colour = parsed.success ? parsed.data.color : UNKNOWN_COLOUR;

  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = colour;

  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = colour;
  if (parsed.success) label.textContent = caretLabel(parsed.data);
  else label.hidden = true;
  // Screen readers announce the document text, not the labels of other people's carets.
  caret.setAttribute("aria-hidden", "true");
  caret.append(label);
  return caret;
}
