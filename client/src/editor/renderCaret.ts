import { CaretUser } from "../collab/CaretUser.ts";
import { personColour } from "../collab/personColour.ts";
import { type CaretActivity, LABEL_VISIBLE_MS } from "./caretActivity.ts";

/** Caret colour for a remote state that does not parse (never shown in practice). */
const UNKNOWN_COLOUR = "#5f6b7a";

/** The colour of a remote user's caret and selection: their own, from their (server-stamped) id. */
export function caretColourOf(user: Record<string, unknown>): string {
  const parsed = CaretUser.safeParse(user);
  return parsed.success ? personColour(parsed.data.id) : UNKNOWN_COLOUR;
}

/**
 * The DOM of a remote user's caret: a bar in the person's colour with a label "Name" and
 * the organisation as a badge banded in its colour. The label fades LABEL_VISIBLE_MS after
 * the user's last move (carets.css); a caret redrawn later starts faded. The awareness state comes from another client, so it is parsed, and
 * the label is set as text, never as HTML.
 */
export function caretRenderer(activity: CaretActivity): (user: Record<string, unknown>) => HTMLElement {
  return (user) => {
    const parsed = CaretUser.safeParse(user);
    const colour = caretColourOf(user);

    const caret = document.createElement("span");
    caret.classList.add("collaboration-carets__caret");
    caret.style.borderColor = colour;

    const label = document.createElement("div");
    label.classList.add("collaboration-carets__label");
    label.style.backgroundColor = colour;
    if (parsed.success) {
      caret.dataset.userId = parsed.data.id;
      const org = document.createElement("span");
      org.classList.add("collaboration-carets__org");
      // The organisation's colour is checked hex (CaretUser), like the person's.
      org.style.borderLeftColor = parsed.data.color;
      org.textContent = parsed.data.orgName;
      label.append(document.createTextNode(`${parsed.data.name} `), org);
      if (activity.sinceMove(parsed.data.id) >= LABEL_VISIBLE_MS) label.classList.add(IDLE);
    } else label.hidden = true;
    // Screen readers announce the document text, not the labels of other people's carets.
    caret.setAttribute("aria-hidden", "true");
    caret.append(label);
    return caret;
  };
}

/** A remote selection, tinted in its person's colour. */
export function renderSelection(user: Record<string, unknown>): { style: string; class: string } {
  return { style: `background-color: ${caretColourOf(user)}40`, class: "ProseMirror-yjs-selection" };
}

const IDLE = "collaboration-carets__label--idle";
const labelsOf = (userId: string) =>
  document.querySelectorAll<HTMLElement>(
    `.collaboration-carets__caret[data-user-id="${CSS.escape(userId)}"] > .collaboration-carets__label`,
  );

/** Shows a user's labels again after a move (a moved caret may keep its element). */
export function showLabels(userId: string): void {
  for (const label of labelsOf(userId)) label.classList.remove(IDLE);
}

/** Fades a user's labels out: they have not moved for a while (carets.css has the transition). */
export function fadeLabels(userId: string): void {
  for (const label of labelsOf(userId)) label.classList.add(IDLE);
}
