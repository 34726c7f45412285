import { applySuggestion, revertSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { ConfirmDialog } from "../../lib/ConfirmDialog.tsx";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { BulkDecisions } from "./BulkDecisions.tsx";
import { CrossPartySetting } from "./CrossPartySetting.tsx";
import type { Decision } from "./DecisionPair.tsx";
import { canAccept, canReject } from "./permissions.ts";
import { SuggestionCard } from "./SuggestionCard.tsx";
import { suggestionsOf } from "./suggestionsOf.ts";

interface SuggestionsPanelProps {
  editor: Editor;
  /** Selects nothing itself: called after the suggestion's text was selected, to start a comment on it. */
  onComment: () => void;
  /** On wide screens, the margin beside the text: the cards are shown there, each at its change. */
  margin?: HTMLElement | null;
}

/**
 * The pending suggestions (`suggestions-panel`), each on its card, with decisions on all,
 * one organisation's, or those in the selection. Only what the server would allow is
 * offered; the server checks again. The card of the suggestion the selection is in is the
 * active one (`data-active`).
 */
export function SuggestionsPanel({ editor, onComment, margin = null }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const { doc, user } = useDocument();
  const [notice, setNotice] = useState<string | null>(null);
  /** A decision on several suggestions, waiting for confirmation. */
  const [asking, setAsking] = useState<{ decision: Decision; targets: SuggestionSummary[] } | null>(null);
  const suggestions = useEditorState({ editor, selector: ({ editor: e }) => suggestionsOf(e.state.doc) });
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ from: e.state.selection.from, to: e.state.selection.to }),
  });
  const me = { id: user.id, orgId: user.orgId, role: doc.role };
  const may = (s: SuggestionSummary): Record<Decision, boolean> => ({
    accept: canAccept(me, s, { on: doc.crossPartyAcceptance, parties: doc.parties.map((p) => p.orgId) }),
    reject: canReject(me, s),
  });

  /** Applies one decision to several suggestions, each as its own change; skips those not allowed. */
  const decide = (decision: Decision, targets: SuggestionSummary[]) => {
    const permitted = targets.filter((s) => may(s)[decision]);
    if (permitted.length < targets.length && decision === "accept") setNotice(t("suggestions.acceptBlocked"));
    else setNotice(null);
    for (const s of permitted) {
      const command = decision === "accept" ? applySuggestion(s.id) : revertSuggestion(s.id);
      command(editor.state, editor.view.dispatch);
    }
  };

  /** Several at once: asked first, with the number the decision will change. */
  const decideMany = (decision: Decision, targets: SuggestionSummary[]) => {
    if (targets.length === 1) decide(decision, targets);
    else setAsking({ decision, targets });
  };
  const askedCount = asking ? asking.targets.filter((s) => may(s)[asking.decision]).length : 0;

  // By id, where the suggestion is now: a card is not drawn again when typing moves it.
  const jump = (id: string) => {
    const s = suggestionsOf(editor.state.doc).find((x) => x.id === id);
    if (s) editor.chain().focus().setTextSelection({ from: s.from, to: s.to }).scrollIntoView().run();
  };

  // Cards keep the handlers of the render that last drew them (SuggestionCard): these reach the current ones.
  const latest = useRef({ decide, jump, onComment });
  latest.current = { decide, jump, onComment };

  const inSelection =
    selection.from === selection.to ? [] : suggestions.filter((s) => s.from < selection.to && s.to > selection.from);
  const reviewer = doc.role === "owner" || doc.role === "editor";

  const list = (
    <ul className="suggestions__list">
      {suggestions.map((s) => (
        <SuggestionCard
          key={s.id}
          suggestion={s}
          active={s.from <= selection.from && selection.to <= s.to}
          inMargin={margin !== null}
          may={may(s)}
          onDecide={(decision) => latest.current.decide(decision, [s])}
          onJump={() => latest.current.jump(s.id)}
          onComment={
            doc.role === "viewer"
              ? undefined
              : () => {
                  latest.current.jump(s.id);
                  latest.current.onComment();
                }
          }
        />
      ))}
    </ul>
  );

  return (
    <section className="panel suggestions" data-testid="suggestions-panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" className="panel__title">
        {t("suggestions.title")} <span data-testid="suggestions-count">({suggestions.length})</span>
      </h2>
      <CrossPartySetting />
      {reviewer && suggestions.length > 0 && (
        <BulkDecisions suggestions={suggestions} inSelection={inSelection} onDecide={decideMany} may={may} />
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking?.decision === "reject" ? t("editing.rejectAllTitle") : t("editing.acceptAllTitle")}
        message={
          asking?.decision === "reject"
            ? t("editing.rejectConfirm", { count: askedCount })
            : t("editing.acceptConfirm", { count: askedCount })
        }
        hint={t("editing.undoHint")}
        confirmLabel={asking?.decision === "reject" ? t("editing.rejectAction") : t("editing.acceptAction")}
        onConfirm={() => {
          if (asking) decide(asking.decision, asking.targets);
          setAsking(null);
        }}
        onCancel={() => setAsking(null)}
        testId="suggestions-confirm"
      />
      {notice && (
        <p className="alert alert--info" role="status" data-testid="suggestions-notice">
          {notice}
        </p>
      )}
      {suggestions.length === 0 && <p className="muted">{t("suggestions.empty")}</p>}
      {margin ? createPortal(list, margin) : list}
    </section>
  );
}
