import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { fetchDocument } from "../../api/documents.ts";
import { useCollabSession } from "../../collab/useCollabSession.ts";
import { Workspace } from "./Workspace.tsx";

interface LiveDocumentProps {
  doc: DocumentSummary;
  user: User;
  onRenamed: (doc: DocumentSummary) => void;
  onSessionExpired: () => void;
  /** The user lost access to the document while it was open. */
  onAccessLost?: () => void;
}

/**
 * A document open for live editing: opens its collaboration session and acts on what the
 * server says about access (refused change, new role, lost access); the Workspace shows it.
 */
export function LiveDocument(props: LiveDocumentProps) {
  const { t } = useTranslation();
  const { session, reset } = useCollabSession(props.doc.id, props.user.id);
  // A refusal says that an edit was lost: it stays until dismissed, even when the renewed
  // connection's news (new role, lock) arrives after it, as it does when coming back online.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The server sent content this client cannot render: the session stopped, the page says so. */
  const [unrenderable, setUnrenderable] = useState(false);
  const { doc, onRenamed, onAccessLost } = props;

  useEffect(() => {
    if (!session) return;
    return session.onServerNotice((n) => {
      if (n.kind === "unrenderable") return setUnrenderable(true);
      if (n.kind === "refused") setRefusal(t("access.refused", { reason: n.reason }));
      // The role may have changed while we were offline (a common cause of a refusal) or just
      // now (the connection is renewed with the new role): learn it, and say what changed.
      fetchDocument(doc.id).then(
        (updated) => {
          onRenamed(updated);
          if (n.kind !== "permissionsChanged" && n.kind !== "reconnected") return;
          // Connections are also renewed when a milestone locks or unlocks the text; the end of
          // the last one's lock (final) is announced by the effect below.
          if (updated.final) return;
          // A new lock is said by the Workspace's lock banner, not here a second time.
          if (updated.lock?.versionId !== doc.lock?.versionId) {
            setNotice(updated.lock ? null : t("access.unlocked"));
          } else if (n.kind === "permissionsChanged" || updated.role !== doc.role)
            setNotice(t("access.permissionsChanged", { role: t(`roles.${updated.role}`) }));
        },
        (err: unknown) => {
          // Only a definite "no" means the access is gone; network trouble is shown by the status.
          if (!isApiError(err, "forbidden") && !isApiError(err, "not_found")) return;
          setNotice(t("access.removed"));
          onAccessLost?.();
        },
      );
      // Our later updates could never apply after a refused one: start over from the server.
      if (n.kind === "refused") reset();
    });
  }, [session, reset, t, doc.id, doc.lock?.versionId, doc.role, onRenamed, onAccessLost]);

  // The document became final while open (not: was opened final): say so, replacing whatever
  // an earlier renewal said about the lock, which no longer applies.
  const [wasFinal, setWasFinal] = useState(doc.final !== null);
  useEffect(() => {
    if (doc.final && !wasFinal) setNotice(t("finalState.nowFinal"));
    setWasFinal(doc.final !== null);
  }, [doc.final, wasFinal, t]);

  return (
    <>
      {(refusal || notice) && (
        <p className="alert alert--info page" role="status" data-testid="access-notice">
          {[refusal, notice].filter(Boolean).join(" ")}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setRefusal(null);
              setNotice(null);
            }}
          >
            {t("access.dismiss")}
          </button>
        </p>
      )}
      {unrenderable ? (
        <p className="alert alert--error page" role="alert" data-testid="content-error">
          {t("document.unrenderable")}
        </p>
      ) : session ? (
        <Workspace
          doc={doc}
          user={props.user}
          session={session}
          onRenamed={onRenamed}
          onSessionExpired={props.onSessionExpired}
        />
      ) : (
        <p className="page muted">{t("document.loading")}</p>
      )}
    </>
  );
}
