import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, User } from "../../../../shared/api/schemas.ts";
import type { SuggestBlockReason } from "../../../../shared/suggestions/track.ts";
import { isApiError } from "../../api/ApiError.ts";
import { fetchMe } from "../../api/auth.ts";
import { fetchDocument } from "../../api/documents.ts";
import { caretUserOf } from "../../collab/CaretUser.ts";
import { ConnectionStatus } from "../../collab/ConnectionStatus.tsx";
import type { CollabSession } from "../../collab/createCollabSession.ts";
import { finalCloseMessage } from "../../collab/finalCloseMessage.ts";
import { PresenceList } from "../../collab/PresenceList.tsx";
import { useCollabSession } from "../../collab/useCollabSession.ts";
import { useConnectionStatus } from "../../collab/useConnectionStatus.ts";
import { type HighlightSource, REFRESH_HIGHLIGHTS } from "../comments/CommentHighlights.ts";
import { CommentsPanel } from "../comments/CommentsPanel.tsx";
import { useThreads } from "../comments/useThreads.ts";
import { Editor } from "../../editor/Editor.tsx";
import { Outline } from "../../editor/Outline.tsx";
import { useCollabEditor } from "../../editor/useCollabEditor.ts";
import { hrefOf } from "../../routing/route.ts";
import { canSuggest } from "../suggestions/permissions.ts";
import { SuggestionsPanel } from "../suggestions/SuggestionsPanel.tsx";
import type { Preview } from "../suggestions/SuggestModeBar.tsx";
import { MembersPanel } from "../members/MembersPanel.tsx";
import { useMembers } from "../members/useMembers.ts";
import { VersionsPanel } from "../versions/VersionsPanel.tsx";
import { DocumentTitle } from "./DocumentTitle.tsx";

interface LiveDocumentProps {
  doc: DocumentSummary;
  user: User;
  onRenamed: (doc: DocumentSummary) => void;
  onSessionExpired: () => void;
  /** The user lost access to the document while it was open. */
  onAccessLost?: () => void;
}

/** A document open for live editing: header with title, role and status; editor; presence and outline. */
export function LiveDocument(props: LiveDocumentProps) {
  const { t } = useTranslation();
  const { session, reset } = useCollabSession(props.doc.id, props.user.id);
  const [notice, setNotice] = useState<string | null>(null);
  /** The server sent content this client cannot render: the session stopped, the page says so. */
  const [unrenderable, setUnrenderable] = useState(false);
  const { doc, onRenamed, onAccessLost } = props;

  useEffect(() => {
    if (!session) return;
    return session.onServerNotice((n) => {
      if (n.kind === "unrenderable") return setUnrenderable(true);
      if (n.kind === "refused") setNotice(t("access.refused", { reason: n.reason }));
      // The role may have changed while we were offline (a common cause of a refusal) or just
      // now (the connection is renewed with the new role): learn it, and say what changed.
      fetchDocument(doc.id).then(
        (updated) => {
          onRenamed(updated);
          if (n.kind !== "permissionsChanged") return;
          // Connections are also renewed when a milestone locks or unlocks the text.
          if (updated.lock?.versionId !== doc.lock?.versionId) {
            setNotice(updated.lock ? t("versions.locked", { label: updated.lock.label }) : t("access.unlocked"));
          } else setNotice(t("access.permissionsChanged", { role: t(`roles.${updated.role}`) }));
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
  }, [session, reset, t, doc.id, doc.lock?.versionId, onRenamed, onAccessLost]);

  return (
    <>
      {notice && (
        <p className="alert alert--info page" role="status" data-testid="access-notice">
          {notice}{" "}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            {t("access.dismiss")}
          </button>
        </p>
      )}
      {unrenderable ? (
        <p className="alert alert--error page" role="alert" data-testid="content-error">
          {t("document.unrenderable")}
        </p>
      ) : session ? (
        <Workspace {...props} session={session} />
      ) : (
        <p className="page muted">{t("document.loading")}</p>
      )}
    </>
  );
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
  const me = useMemo(() => ({ id: user.id, name: user.name, orgId: user.orgId }), [user]);
  const [preview, setPreview] = useState<Preview>("markup");
  // Suggesters edit too: their editor turns every change into a suggestion. Nobody edits
  // while a milestone awaits approval (the server refuses it anyway).
  const editable = canSuggest(doc.role) && preview === "markup" && doc.lock === null;
  const [blocked, setBlocked] = useState<SuggestBlockReason | null>(null);
  const [commentRequest, setCommentRequest] = useState(0);
  const { members } = useMembers(doc.id, doc.role);
  const threads = useThreads(session.ydoc);
  const [focused, setFocused] = useState<string | null>(null);
  // The highlight plugin reads the latest threads and focus through this ref.
  const highlights = useRef<HighlightSource>({ threads, focused });
  highlights.current = { threads, focused };
  const editor = useCollabEditor(
    session,
    caretUser,
    editable,
    { source: () => highlights.current, onClick: (id) => setFocused(id) },
    { author: { userId: user.id, orgId: user.orgId }, onBlocked: setBlocked },
  );
  // Threads or focus changed: redraw the highlights (the plugin reads them through the ref).
  // biome-ignore lint/correctness/useExhaustiveDependencies: threads and focus are the triggers
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(REFRESH_HIGHLIGHTS, true));
  }, [editor, threads, focused]);
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
      {blocked && (
        <p className="alert alert--info" role="status" data-testid="suggest-blocked">
          {blocked === "foreign_suggestion" ? t("suggestions.blockedForeign") : t("suggestions.blockedUntrackable")}{" "}
          <button type="button" className="link-button" onClick={() => setBlocked(null)}>
            {t("access.dismiss")}
          </button>
        </p>
      )}
      {doc.lock && (
        <p className="alert alert--info" data-testid="lock-banner">
          {t("versions.locked", { label: doc.lock.label })}
        </p>
      )}
      {preview !== "markup" && (
        <p className="alert alert--info" data-testid="preview-note">
          {t("suggestions.previewNote")}
        </p>
      )}
      {!canSuggest(doc.role) && (
        <p className="alert alert--info" data-testid="readonly-note">
          {doc.role === "viewer" ? t("access.readonlyView") : t("access.readonlyComment")}
        </p>
      )}
      <div className="doc-layout">
        {editor && (
          <Editor editor={editor} editable={editable} role={doc.role} preview={preview} onPreview={setPreview} />
        )}
        <aside className="doc-sidebar" aria-label={t("document.sidebar")}>
          {editor && (
            <SuggestionsPanel
              editor={editor}
              doc={doc}
              me={{ id: user.id, orgId: user.orgId, role: doc.role }}
              members={members}
              onComment={() => setCommentRequest((n) => n + 1)}
              onDocumentChanged={onRenamed}
            />
          )}
          <VersionsPanel
            doc={doc}
            user={user}
            onChanged={() => fetchDocument(doc.id).then(onRenamed, () => {})}
            current={editor ? () => editor.getJSON() : undefined}
          />
          {editor && (
            <CommentsPanel
              draftRequest={commentRequest}
              editor={editor}
              ydoc={session.ydoc}
              me={me}
              role={doc.role}
              threads={threads}
              focused={focused}
              onFocus={setFocused}
            />
          )}
          <PresenceList awareness={session.provider.awareness} />
          <MembersPanel documentId={doc.id} role={doc.role} userId={user.id} />
          {editor && <Outline editor={editor} />}
        </aside>
      </div>
    </main>
  );
}
