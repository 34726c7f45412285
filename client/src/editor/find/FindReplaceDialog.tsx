import { isSuggestChangesEnabled } from "@handlewithcare/prosemirror-suggest-changes";
import { TextSelection } from "@tiptap/pm/state";
import { type Editor, useEditorState } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../lib/Dialog.tsx";
import { findKey, setCurrentMatch, setSearch } from "./FindHighlights.ts";
import { MAX_MATCHES } from "./findMatches.ts";

interface FindReplaceDialogProps {
  editor: Editor;
  open: boolean;
  /** Replacing is offered to those who may edit (or suggest). */
  canReplace: boolean;
  onClose: () => void;
}

/**
 * Find and replace (`find-dialog`: `find-input`, `replace-input`, `find-next`, `find-previous`,
 * `replace-one`, `replace-all`, `find-status`). Modeless, so the highlighted text stays in
 * view. Replacements are ordinary edits dispatched to the editor: while suggesting, the
 * suggestion mode turns each into a suggestion, exactly as if it had been typed.
 */
export function FindReplaceDialog({ editor, open, canReplace, onClose }: FindReplaceDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [replacement, setReplacement] = useState("");
  const [matchCase, setMatchCase] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const found = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const s = findKey.getState(e.state);
      return { count: s?.matches.length ?? 0, current: s?.current ?? 0, truncated: s?.truncated ?? false };
    },
  });
  const suggesting = useEditorState({ editor, selector: ({ editor: e }) => isSuggestChangesEnabled(e.state) });

  // The search runs while the dialog is open, and ends (highlights gone) when it closes.
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(setSearch(editor.state.tr, open ? query : "", matchCase));
  }, [editor, open, query, matchCase]);

  const matches = () => findKey.getState(editor.state)?.matches ?? [];

  /** Makes match `i` current, selects it and scrolls to it, leaving the focus in the dialog. */
  const go = (i: number) => {
    const all = matches();
    if (all.length === 0) return;
    const at = (i + all.length) % all.length;
    const m = all[at];
    if (!m) return;
    const tr = setCurrentMatch(editor.state.tr, at);
    editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, m.from, m.to)).scrollIntoView());
  };

  const replaceAt = (from: number, to: number) => {
    const tr = editor.state.tr.insertText(replacement, from, to);
    editor.view.dispatch(tr);
  };

  const replaceOne = () => {
    const state = findKey.getState(editor.state);
    const m = state?.matches[state.current];
    if (!m) return;
    replaceAt(m.from, m.to);
    setNotice(null);
  };

  /** Last to first, each its own edit: earlier positions stay valid, and each replacement is its own suggestion. */
  const replaceAll = () => {
    const all = matches();
    for (const m of [...all].reverse()) replaceAt(m.from, m.to);
    setNotice(t("editing.replaced", { count: all.length }));
  };

  const status =
    query === ""
      ? ""
      : found.count === 0
        ? t("editing.noMatches")
        : `${t("editing.matchOf", { current: found.current + 1, count: found.count })}${found.truncated ? ` ${t("editing.tooMany", { max: MAX_MATCHES })}` : ""}`;

  return (
    <Dialog open={open} title={t("editing.findTitle")} onClose={onClose} testId="find-dialog" modeless>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go(found.current + 1);
        }}
      >
        <label className="field">
          <span className="field__label">{t("editing.find")}</span>
          <input
            type="search"
            value={query}
            data-autofocus
            data-testid="find-input"
            onChange={(e) => {
              setQuery(e.target.value);
              setNotice(null);
            }}
          />
        </label>
        {canReplace && (
          <label className="field">
            <span className="field__label">{t("editing.replaceWith")}</span>
            <input
              type="text"
              value={replacement}
              data-testid="replace-input"
              onChange={(e) => setReplacement(e.target.value)}
            />
          </label>
        )}
        <label className="field field--inline">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} />{" "}
          {t("editing.matchCase")}
        </label>
        <p className="muted" role="status" aria-live="polite" data-testid="find-status">
          {status}
        </p>
        {canReplace && suggesting && <p className="muted">{t("editing.suggestingNote")}</p>}
        {notice && (
          <p className="alert alert--info" data-testid="find-notice">
            {notice}
          </p>
        )}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            data-testid="find-previous"
            onClick={() => go(found.current - 1)}
          >
            {t("editing.previous")}
          </button>
          <button type="submit" className="button button--quiet" data-testid="find-next">
            {t("editing.next")}
          </button>
          {canReplace && (
            <>
              <button
                type="button"
                className="button"
                data-testid="replace-one"
                disabled={found.count === 0}
                onClick={replaceOne}
              >
                {t("editing.replace")}
              </button>
              <button
                type="button"
                className="button"
                data-testid="replace-all"
                disabled={found.count === 0}
                onClick={replaceAll}
              >
                {t("editing.replaceAll")}
              </button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}
