import { type Editor, useEditorState } from "@tiptap/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GridInsertMenu } from "../features/grids/index.ts";
import { applyLink, currentLinkHref } from "./applyLink.ts";
import { EditorTools } from "./EditorTools.tsx";
import { LinkDialog } from "./LinkDialog.tsx";
import { FORMAT_GROUPS, TABLE_ACTIONS, type ToolbarAction } from "./toolbarActions.ts";

const ALL_ACTIONS = [...FORMAT_GROUPS.flat(), ...TABLE_ACTIONS];

interface ButtonState {
  active: boolean;
  enabled: boolean;
}

interface ToolbarProps {
  editor: Editor;
  /** Opens find and replace (`toolbar-find`). */
  onFind: () => void;
  /** Opens the list of keyboard shortcuts (`toolbar-shortcuts`). */
  onShortcuts: () => void;
}

/** Formatting, link, table, find and shortcut buttons above the editor; each has `data-testid="toolbar-<id>"`. */
export function Toolbar({ editor, onFind, onShortcuts }: ToolbarProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const states = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const byId: Record<string, ButtonState> = {};
      for (const action of ALL_ACTIONS) {
        byId[action.id] = {
          active: action.isActive?.(current) ?? false,
          enabled: action.canRun?.(current) ?? true,
        };
      }
      byId.link = { active: current.isActive("link"), enabled: true };
      return byId;
    },
  });

  const onLink = (href: string) => {
    setLinking(false);
    const outcome = applyLink(editor, href);
    setMessage(outcome === "unsafe" ? t("toolbar.unsafeLink") : null);
  };

  const button = (action: ToolbarAction) => {
    const state = states[action.id];
    const short = t(`toolbarShort.${action.label}`);
    const full = t(`toolbar.${action.label}`);
    return (
      <button
        key={action.id}
        type="button"
        className={state?.active ? "toolbar__button is-active" : "toolbar__button"}
        data-testid={`toolbar-${action.id}`}
        aria-label={accessibleName(full, short)}
        aria-pressed={action.isActive ? (state?.active ?? false) : undefined}
        title={full}
        disabled={state?.enabled === false}
        onClick={() => action.run(editor)}
      >
        {short}
      </button>
    );
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t("toolbar.label")}>
        {FORMAT_GROUPS.map((group) => (
          <div className="toolbar__group" key={group[0]?.id}>
            {group.map(button)}
          </div>
        ))}
        <div className="toolbar__group">
          <button
            type="button"
            className={states.link?.active ? "toolbar__button is-active" : "toolbar__button"}
            data-testid="toolbar-link"
            aria-label={t("toolbar.link")}
            aria-pressed={states.link?.active ?? false}
            title={t("toolbar.link")}
            onClick={() => setLinking(true)}
          >
            {t("toolbarShort.link")}
          </button>
        </div>
        <div className="toolbar__group">{TABLE_ACTIONS.map(button)}</div>
        <div className="toolbar__group">
          <GridInsertMenu editor={editor} />
        </div>
        <EditorTools onFind={onFind} onShortcuts={onShortcuts} />
      </div>
      <LinkDialog
        open={linking}
        initial={linking ? currentLinkHref(editor) : ""}
        onSubmit={onLink}
        onClose={() => setLinking(false)}
        focusAfter={() => editor.commands.focus()}
      />
      {message && (
        <div className="toolbar__message" role="alert" data-testid="toolbar-message">
          <span>{message}</span>
          <button type="button" className="link-button" onClick={() => setMessage(null)}>
            {t("toolbar.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The full label, with the visible short text added when the label lacks it: speech-input
 * users say what they see ("1. Liste"), so the name must contain it, and not in brackets (WCAG 2.5.3; axe ignores bracketed text).
 */
function accessibleName(full: string, short: string): string {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return words(full).includes(words(short)) ? full : `${full}, ${short}`;
}
