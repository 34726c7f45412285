import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Preview } from "../../editor/Editor.tsx";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { canSuggest, suggestingForced } from "./permissions.ts";
import { isSuggestChangesEnabled } from "./SuggestChanges.ts";

interface SuggestModeBarProps {
  editor: Editor;
  preview: Preview;
  onPreview: (preview: Preview) => void;
}

/**
 * Above the editor: the suggesting switch (`suggest-toggle`; for suggesters a fixed
 * `suggest-forced` note) and the view (`suggest-preview`): with suggestions marked, as if
 * all were accepted, or as it was without them.
 */
export function SuggestModeBar({ editor, preview, onPreview }: SuggestModeBarProps) {
  const { t } = useTranslation();
  const { role } = useDocument().doc;
  const suggesting = useEditorState({ editor, selector: ({ editor: e }) => isSuggestChangesEnabled(e.state) });
  const forced = suggestingForced(role);
  // A suggester's editor suggests from the first keystroke; a role change turns it on or off.
  useEffect(() => {
    if (forced && !isSuggestChangesEnabled(editor.state)) editor.commands.setSuggesting(true);
    if (!canSuggest(role) && isSuggestChangesEnabled(editor.state)) editor.commands.setSuggesting(false);
  }, [editor, forced, role]);

  return (
    <div className="modebar" data-suggesting={suggesting}>
      {forced ? (
        <span className="badge badge--suggesting" data-testid="suggest-forced">
          {t("suggestions.modeForced")}
        </span>
      ) : (
        canSuggest(role) && (
          <button
            type="button"
            className={suggesting ? "toolbar__button is-active" : "toolbar__button"}
            data-testid="suggest-toggle"
            aria-pressed={suggesting}
            title={suggesting ? t("suggestions.modeOn") : t("suggestions.modeOff")}
            onClick={() => editor.commands.setSuggesting(!suggesting)}
          >
            {t("suggestions.mode")}
          </button>
        )
      )}
      {canSuggest(role) && !forced && (
        <span className="muted modebar__hint" data-testid="suggest-mode">
          {suggesting ? t("suggestions.modeOn") : t("suggestions.modeOff")}
        </span>
      )}
      <label className="modebar__preview">
        {t("suggestions.preview")}{" "}
        <select value={preview} onChange={(e) => onPreview(e.target.value as Preview)} data-testid="suggest-preview">
          <option value="markup">{t("suggestions.previewMarkup")}</option>
          <option value="accepted">{t("suggestions.previewAccepted")}</option>
          <option value="rejected">{t("suggestions.previewRejected")}</option>
        </select>
      </label>
    </div>
  );
}
