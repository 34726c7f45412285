import type { Editor } from "@tiptap/react";
import type { Catalogue } from "../i18n/de.ts";

/**
 * A toolbar button: its test id, catalogue key (the short text in `toolbarShort`, the full
 * label in `toolbar`), its command, and how to tell whether it is active or possible.
 */
export interface ToolbarAction {
  id: string;
  label: keyof Catalogue["toolbarShort"];
  run: (editor: Editor) => void;
  isActive?: (editor: Editor) => boolean;
  canRun?: (editor: Editor) => boolean;
}

/** Buttons that shape text and blocks, in toolbar order, grouped. */
export const FORMAT_GROUPS: ToolbarAction[][] = [
  [
    {
      id: "paragraph",
      label: "paragraph",
      run: (e) => e.chain().focus().setParagraph().run(),
      isActive: (e) => e.isActive("paragraph"),
    },
    ...([1, 2, 3] as const).map(
      (level): ToolbarAction => ({
        id: `h${level}`,
        label: `heading${level}`,
        run: (e) => e.chain().focus().toggleHeading({ level }).run(),
        isActive: (e) => e.isActive("heading", { level }),
      }),
    ),
  ],
  [
    {
      id: "bold",
      label: "bold",
      run: (e) => e.chain().focus().toggleBold().run(),
      isActive: (e) => e.isActive("bold"),
      canRun: (e) => e.can().toggleBold(),
    },
    {
      id: "italic",
      label: "italic",
      run: (e) => e.chain().focus().toggleItalic().run(),
      isActive: (e) => e.isActive("italic"),
      canRun: (e) => e.can().toggleItalic(),
    },
  ],
  [
    {
      id: "bullet-list",
      label: "bulletList",
      run: (e) => e.chain().focus().toggleBulletList().run(),
      isActive: (e) => e.isActive("bulletList"),
    },
    {
      id: "ordered-list",
      label: "orderedList",
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      isActive: (e) => e.isActive("orderedList"),
    },
  ],
];

/** The grid kind of the table the cursor is in (shared/finance), or null for a plain table or none. */
function gridAtCursor(e: Editor): string | null {
  const { $from } = e.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === "table") return typeof node.attrs.grid === "string" ? node.attrs.grid : null;
  }
  return null;
}

/** A grid's shape is fixed (the server refuses changes): the finance grid's rows and columns, a goal grid's columns, any grid whole. */
const shapeFixed = (e: Editor, allowedIn: readonly string[] = []) => {
  const grid = gridAtCursor(e);
  return grid !== null && !allowedIn.includes(grid);
};

/** Buttons for tables: insert one (3×3 with a header row), then change rows, columns, or remove it. */
export const TABLE_ACTIONS: ToolbarAction[] = [
  {
    id: "insert-table",
    label: "insertTable",
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    canRun: (e) => !shapeFixed(e) && e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  },
  {
    id: "add-row",
    label: "addRow",
    run: (e) => e.chain().focus().addRowAfter().run(),
    canRun: (e) => !shapeFixed(e, ["goals"]) && e.can().addRowAfter(),
  },
  {
    id: "delete-row",
    label: "deleteRow",
    run: (e) => e.chain().focus().deleteRow().run(),
    canRun: (e) => !shapeFixed(e, ["goals"]) && e.can().deleteRow(),
  },
  {
    id: "add-column",
    label: "addColumn",
    run: (e) => e.chain().focus().addColumnAfter().run(),
    canRun: (e) => !shapeFixed(e) && e.can().addColumnAfter(),
  },
  {
    id: "delete-column",
    label: "deleteColumn",
    run: (e) => e.chain().focus().deleteColumn().run(),
    canRun: (e) => !shapeFixed(e) && e.can().deleteColumn(),
  },
  {
    id: "delete-table",
    label: "deleteTable",
    run: (e) => e.chain().focus().deleteTable().run(),
    canRun: (e) => !shapeFixed(e) && e.can().deleteTable(),
  },
];
