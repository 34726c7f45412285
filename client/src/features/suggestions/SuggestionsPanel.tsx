import { applySuggestion, revertSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, Member } from "../../../../shared/api/schemas.ts";
import { ORGANISATION_IDS, ORGANISATIONS } from "../../../../shared/organisations.ts";
import { listSuggestions, type SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { setCrossPartyAcceptance } from "../../api/documents.ts";
import { organisationLook } from "../../collab/organisation.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { canAccept, canReject, type Reviewer } from "./permissions.ts";

interface SuggestionsPanelProps {
  editor: Editor;
  doc: DocumentSummary;
  me: Reviewer;
  members: Member[] | null;
  /** Selects nothing itself: called after the suggestion's text was selected, to start a comment on it. */
  onComment: () => void;
  onDocumentChanged: (doc: DocumentSummary) => void;
}

type Decision = "accept" | "reject";

/**
 * The pending suggestions (`suggestions-panel`), each with author, organisation, time and
 * the changed text (`suggestion-card`), accept/reject one (`suggestion-accept`,
 * `suggestion-reject`), all, one organisation's, or those in the selection. Only what the
 * server would allow is offered; the server checks again.
 */
export function SuggestionsPanel({ editor, doc, me, members, onComment, onDocumentChanged }: SuggestionsPanelProps) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const suggestions = useEditorState({ editor, selector: ({ editor: e }) => listSuggestions(e.state.doc) });
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ from: e.state.selection.from, to: e.state.selection.to }),
  });
  const crossParty = doc.crossPartyAcceptance;
  const nameOf = (userId: string | undefined) =>
    members?.find((m) => m.userId === userId)?.name ?? t("suggestions.unknownAuthor");

  const allowed = (decision: Decision, s: SuggestionSummary) =>
    decision === "accept" ? canAccept(me, s, crossParty) : canReject(me, s);

  /** Applies one decision to several suggestions, each as its own change; skips those not allowed. */
  const decide = (decision: Decision, targets: SuggestionSummary[]) => {
    const permitted = targets.filter((s) => allowed(decision, s));
    if (permitted.length < targets.length && decision === "accept") setNotice(t("suggestions.acceptBlocked"));
    else setNotice(null);
    for (const s of permitted) {
      const command = decision === "accept" ? applySuggestion(s.id) : revertSuggestion(s.id);
      command(editor.state, editor.view.dispatch);
    }
  };

  const jump = (s: SuggestionSummary) => {
    editor.chain().focus().setTextSelection({ from: s.from, to: s.to }).scrollIntoView().run();
  };

  /** Accept and reject buttons for a group of suggestions (`suggestions-accept-<key>`, `suggestions-reject-<key>`). */
  const bulkPair = (key: string, targets: SuggestionSummary[], acceptLabel: string, rejectLabel: string) => (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid={`suggestions-accept-${key}`}
        onClick={() => decide("accept", targets)}
      >
        {acceptLabel}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        data-testid={`suggestions-reject-${key}`}
        onClick={() => decide("reject", targets)}
      >
        {rejectLabel}
      </button>
    </>
  );

  const inSelection = suggestions.filter((s) => s.from < selection.to && s.to > selection.from);
  const reviewer = me.role === "owner" || me.role === "editor";
  const orgs = ORGANISATION_IDS.filter((org) => suggestions.some((s) => s.origin?.orgId === org));

  return (
    <section className="panel suggestions" data-testid="suggestions-panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" className="panel__title">
        {t("suggestions.title")} <span data-testid="suggestions-count">({suggestions.length})</span>
      </h2>
      {me.role === "owner" ? (
        <label className="suggestions__setting">
          <input
            type="checkbox"
            data-testid="cross-party-toggle"
            checked={crossParty}
            onChange={(e) => setCrossPartyAcceptance(doc.id, e.target.checked).then(onDocumentChanged, () => {})}
          />{" "}
          {t("suggestions.crossPartyToggle")}
        </label>
      ) : (
        crossParty && <p className="muted">{t("suggestions.crossParty")}</p>
      )}
      {reviewer && suggestions.length > 0 && (
        <div className="suggestions__bulk">
          {bulkPair("all", suggestions, t("suggestions.acceptAll"), t("suggestions.rejectAll"))}
          {inSelection.length > 0 &&
            selection.from !== selection.to &&
            bulkPair("selection", inSelection, t("suggestions.acceptSelection"), t("suggestions.rejectSelection"))}
          {orgs.map((org) => {
            const ofOrg = suggestions.filter((s) => s.origin?.orgId === org);
            const name = ORGANISATIONS[org].shortName;
            return (
              <span key={org} className="suggestions__org">
                <button
                  type="button"
                  className="link-button"
                  data-testid={`suggestions-accept-org-${org}`}
                  onClick={() => decide("accept", ofOrg)}
                >
                  {t("suggestions.acceptOrg", { org: name })}
                </button>
                <button
                  type="button"
                  className="link-button"
                  data-testid={`suggestions-reject-org-${org}`}
                  onClick={() => decide("reject", ofOrg)}
                >
                  {t("suggestions.rejectOrg", { org: name })}
                </button>
              </span>
            );
          })}
        </div>
      )}
      {notice && (
        <p className="alert alert--info" role="status" data-testid="suggestions-notice">
          {notice}
        </p>
      )}
      {suggestions.length === 0 && <p className="muted">{t("suggestions.empty")}</p>}
      <ul className="suggestions__list">
        {suggestions.map((s) => {
          const look = organisationLook(s.origin?.orgId ?? "", s.origin?.orgId ?? "");
          const own = s.origin?.userId === me.id;
          return (
            <li
              key={s.id}
              className="suggestion"
              data-testid="suggestion-card"
              data-author={s.origin?.userId}
              style={{ borderColor: look.colour }}
            >
              <p className="suggestion__meta">
                <strong>{nameOf(s.origin?.userId)}</strong> <span className="badge">{look.shortName}</span>{" "}
                {s.origin && (
                  <time dateTime={new Date(s.origin.at).toISOString()}>
                    {formatDateTime(new Date(s.origin.at).toISOString(), i18n.language)}
                  </time>
                )}
              </p>
              {s.deleted && (
                <p className="suggestion__change">
                  <span className="muted">{t("suggestions.deleted")}: </span>
                  <del data-testid="suggestion-deleted">{s.deleted}</del>
                </p>
              )}
              {s.inserted && (
                <p className="suggestion__change">
                  <span className="muted">{t("suggestions.inserted")}: </span>
                  <ins data-testid="suggestion-inserted">{s.inserted}</ins>
                </p>
              )}
              <div className="thread__actions">
                {allowed("accept", s) && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="suggestion-accept"
                    onClick={() => decide("accept", [s])}
                  >
                    {t("suggestions.accept")}
                  </button>
                )}
                {allowed("reject", s) && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    data-testid="suggestion-reject"
                    onClick={() => decide("reject", [s])}
                  >
                    {own && !reviewer ? t("suggestions.withdraw") : t("suggestions.reject")}
                  </button>
                )}
                <button type="button" className="link-button" data-testid="suggestion-jump" onClick={() => jump(s)}>
                  {t("suggestions.jump")}
                </button>
                {me.role !== "viewer" && (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="suggestion-comment"
                    onClick={() => {
                      jump(s);
                      onComment();
                    }}
                  >
                    {t("suggestions.comment")}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
