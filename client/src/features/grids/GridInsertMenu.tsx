import { type Editor, useEditorState } from "@tiptap/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AREA_IDS, YEARS } from "../../../../shared/finance/areas.ts";
import { gridKeysOf } from "./docGrids.ts";
import { newFinanceGrid, newGoalGrids } from "./gridContent.ts";

/**
 * The toolbar's "insert grid" menu: a finance grid per year not yet in the document, and the
 * goal grids of the Förderbereiche that have none. Inserted after the block the cursor is in,
 * never inside a table (a grid inside a cell would be no grid).
 */
export function GridInsertMenu({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const present = useEditorState({
    editor,
    selector: ({ editor: current }) => gridKeysOf(current.state.doc),
  });
  const has = (key: string) => present.split(",").includes(key);
  const missingGoals = AREA_IDS.filter((id) => !has(`goals:${id}`));

  const insert = (choice: string) => {
    setMessage(null);
    if (!choice) return;
    const { $from } = editor.state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.name === "table") {
        setMessage(t("grids.insertRefused"));
        return;
      }
    }
    const content = choice === "goals" ? newGoalGrids(t, missingGoals) : newFinanceGrid(t, Number(choice));
    if (content.length === 0) {
      setMessage(t("grids.insertExists"));
      return;
    }
    // After the top-level block the cursor is in: the grid never splits a paragraph.
    const at = $from.depth > 0 ? $from.after(1) : editor.state.doc.content.size;
    editor.chain().focus().insertContentAt(at, content).run();
  };

  return (
    <>
      <select
        className="toolbar__select"
        aria-label={t("grids.insertLabel")}
        data-testid="toolbar-insert-grid"
        value=""
        onChange={(e) => insert(e.target.value)}
      >
        <option value="">{t("grids.insertChoose")}</option>
        {YEARS.map((year) => (
          <option key={year} value={String(year)} disabled={has(`finance:${year}`)}>
            {t("grids.insertFinance", { year })}
          </option>
        ))}
        <option value="goals" disabled={missingGoals.length === 0}>
          {t("grids.insertGoals")}
        </option>
      </select>
      {message && (
        <span className="toolbar__hint" role="status" data-testid="grid-insert-message">
          {message}
        </span>
      )}
    </>
  );
}
