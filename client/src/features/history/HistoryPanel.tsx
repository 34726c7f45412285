import type { JSONContent } from "@tiptap/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ComparisonChange } from "../../../../shared/api/comparison.ts";
import type { HistoryEntry } from "../../../../shared/api/history.ts";
import { canEditContent } from "../../../../shared/roles.ts";
import { fetchHistoryRedline, listHistory, restoreHistoryEntry } from "../../api/history.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { ConfirmDialog } from "../../lib/ConfirmDialog.tsx";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { VersionViewer } from "../versions/index.ts";
import { entryNames, relativeDay, timeSpan } from "./entryText.ts";

interface EntryView {
  entry: HistoryEntry;
  content: JSONContent;
  changes: Record<string, ComparisonChange>;
}

/**
 * The Verlauf (`history-panel`): every editing session of the document, newest first (who,
 * which day, from when to when), loaded when shown. An entry opens as its redline in the
 * read-only viewer; owners and editors put the state after it back, after a confirmation.
 */
export function HistoryPanel() {
  const { t, i18n } = useTranslation();
  const { doc } = useDocument();
  const [shown, setShown] = useState(false);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [view, setView] = useState<EntryView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const failed = (err: unknown) => setError(errorMessage(t, err));
  const lang = i18n.language;
  const mayRestore = canEditContent(doc.role) && !doc.lock && !doc.final;

  const load = () => {
    setError(null);
    listHistory(doc.id).then(setEntries, failed);
  };
  const toggle = () => {
    if (!shown) load();
    setShown(!shown);
  };
  const open = (entry: HistoryEntry) => {
    setNotice(null);
    fetchHistoryRedline(doc.id, entry.id).then(
      (red) => setView({ entry, content: red.doc as JSONContent, changes: red.changes }),
      failed,
    );
  };
  const restore = (entry: HistoryEntry) => {
    setBusy(true);
    restoreHistoryEntry(doc.id, entry.id)
      .then(() => {
        setNotice(t("history.restored"));
        setView(null);
        load();
      }, failed)
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  const when = (entry: HistoryEntry) => ({ day: relativeDay(entry.from, lang), span: timeSpan(t, entry, lang) });

  return (
    <section className="panel history" data-testid="history-panel" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        {t("history.title")}
      </h2>
      <p>
        <button
          type="button"
          className="button button--small"
          aria-expanded={shown}
          onClick={toggle}
          data-testid="history-toggle"
        >
          {shown ? t("history.hide") : t("history.show")}
        </button>{" "}
        {shown && (
          <button type="button" className="link-button" onClick={load} data-testid="history-refresh">
            {t("history.refresh")}
          </button>
        )}
      </p>
      {notice && (
        <p className="alert alert--info" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="history-error">
          {error}
        </p>
      )}
      {shown && entries === null && !error && <p className="muted">{t("history.loading")}</p>}
      {shown && entries?.length === 0 && <p className="muted">{t("history.empty")}</p>}
      {shown && entries && entries.length > 0 && (
        <>
          <p className="muted" data-testid="history-count">
            {t("history.entries", { count: entries.length })}
          </p>
          <ol className="versions__list" data-testid="history-list">
            {entries.map((e) => (
              <li key={e.id} className="version" data-testid="history-entry" data-entry={e.id}>
                <p className="version__head">
                  <strong data-testid="history-names">{entryNames(t, e, lang)}</strong>
                </p>
                <p className="version__meta">
                  {when(e).day}, {when(e).span}
                </p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => open(e)}
                  data-testid="history-open"
                  aria-label={t("history.entryTitle", { names: entryNames(t, e, lang), ...when(e) })}
                >
                  {t("history.open")}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
      {view && (
        <VersionViewer
          title={t("history.entryTitle", { names: entryNames(t, view.entry, lang), ...when(view.entry) })}
          content={view.content}
          changes={view.changes}
          onClose={() => setView(null)}
          actions={
            mayRestore && (
              <button
                type="button"
                className="button button--small"
                onClick={() => setConfirming(true)}
                data-testid="history-restore"
              >
                {t("history.restore")}
              </button>
            )
          }
        />
      )}
      {view && (
        <ConfirmDialog
          open={confirming}
          title={t("history.confirmTitle")}
          message={t("history.confirmText", when(view.entry))}
          confirmLabel={t("history.confirm")}
          busy={busy}
          onConfirm={() => restore(view.entry)}
          onCancel={() => setConfirming(false)}
          testId="history-confirm"
        />
      )}
    </section>
  );
}
