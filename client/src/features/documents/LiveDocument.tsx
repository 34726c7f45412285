import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { fetchMe } from "../../api/auth.ts";
import { caretUserOf } from "../../collab/CaretUser.ts";
import { ConnectionStatus } from "../../collab/ConnectionStatus.tsx";
import type { CollabSession } from "../../collab/createCollabSession.ts";
import { finalCloseMessage } from "../../collab/finalCloseMessage.ts";
import { PresenceList } from "../../collab/PresenceList.tsx";
import { useCollabSession } from "../../collab/useCollabSession.ts";
import { useConnectionStatus } from "../../collab/useConnectionStatus.ts";
import { Editor } from "../../editor/Editor.tsx";
import { Outline } from "../../editor/Outline.tsx";
import { useCollabEditor } from "../../editor/useCollabEditor.ts";
import { hrefOf } from "../../routing/route.ts";
import { DocumentTitle } from "./DocumentTitle.tsx";

interface LiveDocumentProps {
  doc: DocumentSummary;
  user: User;
  onRenamed: (doc: DocumentSummary) => void;
  onSessionExpired: () => void;
}

/** A document open for live editing: header with title, role and status; editor; presence and outline. */
export function LiveDocument(props: LiveDocumentProps) {
  const { t } = useTranslation();
  const session = useCollabSession(props.doc.id, props.user.id);
  if (!session) return <p className="page muted">{t("document.loading")}</p>;
  return <Workspace {...props} session={session} />;
}

function Workspace({
  doc,
  user,
  onRenamed,
  onSessionExpired,
  session,
}: LiveDocumentProps & { session: CollabSession }) {
  const { t } = useTranslation();
  const caretUser = useMemo(() => caretUserOf(user), [user]);
  const editor = useCollabEditor(session, caretUser);
  const status = useConnectionStatus(session.monitor);

  // A refused upgrade reaches the browser as a bare 1006: ask the API whether the session
  // is still valid, and send the user to sign in if not. Network errors mean "server down":
  // the provider keeps retrying.
  useEffect(() => {
    let checking = false; // one question at a time while the provider keeps retrying
    return session.monitor.onRefused(() => {
      if (checking) return;
      checking = true;
      fetchMe()
        .catch((err: unknown) => {
          if (isApiError(err, "unauthorized")) onSessionExpired();
        })
        .finally(() => {
          checking = false;
        });
    });
  }, [session, onSessionExpired]);

  return (
    <main className="doc-page">
      <div className="doc-header">
        <a className="back-link" href={hrefOf({ page: "list" })}>
          {t("document.back")}
        </a>
        <div className="doc-header__row">
          <div className="doc-header__main">
            <DocumentTitle doc={doc} onRenamed={onRenamed} />
            <p className="doc-header__meta">
              <span className="badge" data-testid="document-kind">
                {t(`kinds.${doc.kind}`)}
              </span>
              <span className="badge badge--role" data-testid="document-role" data-role={doc.role}>
                {t("document.role", { role: t(`roles.${doc.role}`) })}
              </span>
            </p>
          </div>
          <ConnectionStatus snapshot={status} />
        </div>
      </div>
      {status.finalCode !== null && (
        <p className="alert alert--error" role="alert" data-testid="connection-error" data-code={status.finalCode}>
          {finalCloseMessage(t, status.finalCode)}
        </p>
      )}
      <div className="doc-layout">
        {editor && <Editor editor={editor} />}
        <aside className="doc-sidebar" aria-label={t("document.sidebar")}>
          <PresenceList awareness={session.provider.awareness} />
          {editor && <Outline editor={editor} />}
        </aside>
      </div>
    </main>
  );
}
