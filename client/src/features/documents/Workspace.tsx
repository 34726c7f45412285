import { Placeholder } from "@tiptap/extensions";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, User } from "../../../../shared/api/schemas.ts";
import type { SuggestBlockReason } from "../../../../shared/suggestions/track.ts";
import { fetchDocument } from "../../api/documents.ts";
import { caretUserOf } from "../../collab/CaretUser.ts";
import { ConnectionStatus } from "../../collab/ConnectionStatus.tsx";
import type { CollabSession } from "../../collab/createCollabSession.ts";
import { finalCloseMessage } from "../../collab/finalCloseMessage.ts";
import { PresenceList } from "../../collab/PresenceList.tsx";
import { useConnectionStatus } from "../../collab/useConnectionStatus.ts";
import { EditingShortcuts } from "../../editor/EditingShortcuts.ts";
import { Editor, type Preview } from "../../editor/Editor.tsx";
import { FindHighlights } from "../../editor/find/FindHighlights.ts";
import { FindReplaceDialog } from "../../editor/find/FindReplaceDialog.tsx";
import { Outline } from "../../editor/Outline.tsx";
import { ShortcutsDialog } from "../../editor/ShortcutsDialog.tsx";
import { useCollabEditor } from "../../editor/useCollabEditor.ts";
import { DocumentProvider, type OpenDocument } from "../../lib/DocumentContext.tsx";
import { milestoneName } from "../../lib/milestoneText.ts";
import { useOrganisations } from "../../lib/Organisations.tsx";
import { organisationOf } from "../../lib/organisationOf.ts";
import { useRoute } from "../../routing/useRoute.ts";
import { ChecksPanel } from "../checks/index.ts";
import {
  CommentHighlights,
  CommentsPanel,
  type HighlightSource,
  REFRESH_HIGHLIGHTS,
  useThreads,
} from "../comments/index.ts";
import { FinancePanel } from "../grids/index.ts";
import { HistoryPanel } from "../history/index.ts";
import { MarginColumn, useWideMargin } from "../margin/index.ts";
import { MembersPanel, useMembers } from "../members/index.ts";
import {
  canSuggest,
  SuggestChanges,
  SuggestionColours,
  SuggestionsPanel,
  SuggestModeBar,
} from "../suggestions/index.ts";
import { VersionsPanel } from "../versions/index.ts";
import { DocumentHeader } from "./DocumentHeader.tsx";
import { FinalBanner } from "./FinalBanner.tsx";
import { type PanelId, type PanelTab, PanelTabs, SidePanel } from "./PanelTabs.tsx";
import { useSessionCheck } from "./useSessionCheck.ts";

interface WorkspaceProps {
  doc: DocumentSummary;
  user: User;
  session: CollabSession;
  onRenamed: (doc: DocumentSummary) => void;
  onSessionExpired: () => void;
}

/**
 * The open document: header, notices, the editor and the panels beside it. The panels read
 * the document, the user and the session from the DocumentProvider; only what couples two
 * panels (the focused thread, a comment asked for by a suggestion) is passed here.
 */
export function Workspace({ doc, user, session, onRenamed, onSessionExpired }: WorkspaceProps) {
  const { t } = useTranslation();
  const directory = useOrganisations();
  const parties = useMemo(() => doc.parties.map((p) => p.organisation), [doc.parties]);
  const own = organisationOf(parties, directory.list)(user.orgId);
  const [ownName, ownColour] = [own.shortName, own.colour];
  // Stable while the look stays the same: a new caret user would rebuild the editor's extensions.
  const caretUser = useMemo(
    () => caretUserOf(user, { shortName: ownName, colour: ownColour }),
    [user, ownName, ownColour],
  );
  const [preview, setPreview] = useState<Preview>("markup");
  // Suggesters edit too: their editor turns every change into a suggestion. Nobody edits
  // while a milestone awaits approval (the server refuses it anyway).
  // Nor once the document is final: read-only for good (the server refuses every change).
  const editable = canSuggest(doc.role) && preview === "markup" && doc.lock === null && doc.final === null;
  const [blocked, setBlocked] = useState<SuggestBlockReason | null>(null);
  const [commentRequest, setCommentRequest] = useState(0);
  /** The editing dialog that is open: find and replace, or the shortcut list. */
  const [tool, setTool] = useState<"find" | "shortcuts" | null>(null);
  const editingActions = useRef({
    find: () => setTool("find"),
    replace: () => setTool("find"),
    shortcuts: () => setTool("shortcuts"),
    comment: () => setCommentRequest((n) => n + 1),
  });
  const { members } = useMembers(doc.id, doc.role);
  const threads = useThreads(session.ydoc);
  const [focused, setFocused] = useState<string | null>(null);
  // A notification's link (#/documents/<id>/threads/<thread> or …/versions/<version>) says what to show.
  const route = useRoute();
  const targetThread = route.page === "document" ? (route.threadId ?? null) : null;
  const targetVersion = route.page === "document" ? (route.versionId ?? null) : null;
  useEffect(() => {
    if (targetThread) setFocused(targetThread);
  }, [targetThread]);
  const versionTarget = useMemo(() => (targetVersion ? { versionId: targetVersion } : null), [targetVersion]);
  // The highlight plugin reads the latest threads and focus through this ref.
  const commented = t("layout.commented");
  const highlights = useRef<HighlightSource>({ threads, focused, label: commented });
  highlights.current = { threads, focused, label: commented };
  const editor = useCollabEditor(session, caretUser, editable, () => [
    CommentHighlights.configure({ source: () => highlights.current, onClick: (id) => setFocused(id) }),
    SuggestChanges.configure({ author: { userId: user.id, orgId: user.orgId }, onBlocked: setBlocked }),
    FindHighlights,
    EditingShortcuts.configure({ actions: () => editingActions.current }),
    Placeholder.configure({ placeholder: () => t("editing.placeholder") }),
  ]);
  // Threads, focus or language changed: redraw the highlights (the plugin reads them through the ref).
  // biome-ignore lint/correctness/useExhaustiveDependencies: threads, focus and the label's language are the triggers
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(REFRESH_HIGHLIGHTS, true));
  }, [editor, threads, focused, commented]);
  // Wide screens put the threads and suggestions in a margin beside their text.
  const wide = useWideMargin();
  const [marginHost, setMarginHost] = useState<HTMLElement | null>(null);
  const margin = wide ? marginHost : null;
  const status = useConnectionStatus(session.monitor);
  useSessionCheck(session.monitor, onSessionExpired);
  // At medium widths the panels are tabs, one open at a time as a drawer (PanelTabs).
  const [panel, setPanel] = useState<PanelId | null>(null);
  const place = (id: PanelId, content: ReactNode) => (
    <SidePanel id={id} open={panel === id} onClose={() => setPanel(null)}>
      {content}
    </SidePanel>
  );
  const tabs: PanelTab[] = [
    { id: "outline", label: t("outline.heading") },
    { id: "suggestions", label: t("suggestions.title") },
    { id: "versions", label: t("versions.title") },
    { id: "history", label: t("history.title") },
    { id: "comments", label: t("comments.title") },
    { id: "presence", label: t("presence.heading") },
    { id: "members", label: t("members.heading") },
    { id: "finance", label: t("grids.financeTitle") },
    ...(doc.kind === "agreement" ? [{ id: "checks", label: t("checks.title") } as const] : []),
  ];

  const open = useMemo<OpenDocument>(
    () => ({
      doc,
      user,
      session,
      members,
      // The document's parties as its summary shows them (inactive ones too), then the directory.
      organisation: organisationOf(parties, directory.list),
      changed: onRenamed,
      refresh: () => void fetchDocument(doc.id).then(onRenamed, () => {}),
    }),
    [doc, user, session, members, onRenamed, parties, directory.list],
  );

  return (
    <DocumentProvider value={open}>
      <main className="doc-page">
        <SuggestionColours />
        <DocumentHeader />
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
        <FinalBanner />
        {/* The one place that says the text is locked: a live region that is always there, so that a
            lock arriving while the document is open is announced, once (issue 17: it was said three times). */}
        <div role="status" className="lock-region">
          {doc.lock && (
            <p className="alert alert--info" data-testid="lock-banner">
              {t("versions.locked", { label: milestoneName(t, doc.lock.milestone, doc.lock.label) })}
            </p>
          )}
        </div>
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
        <div className={wide ? "doc-layout doc-layout--margin" : "doc-layout"} data-drawer={panel ?? undefined}>
          <div className="doc-outline">
            {editor &&
              place(
                "outline",
                <Outline
                  editor={editor}
                  onJump={() => setPanel(null)}
                  negotiation={
                    doc.kind === "agreement"
                      ? {
                          documentId: doc.id,
                          ydoc: session.ydoc,
                          parties: doc.parties.map((p) => ({ orgId: p.orgId, name: p.organisation.shortName })),
                          ownOrgId:
                            ["owner", "editor", "suggester"].includes(doc.role) &&
                            doc.parties.some((p) => p.orgId === user.orgId)
                              ? user.orgId
                              : null,
                        }
                      : undefined
                  }
                />,
              )}
          </div>
          {editor && (
            <Editor
              editor={editor}
              editable={editable}
              preview={preview}
              modeBar={
                <>
                  <div className="editor__modes">
                    <SuggestModeBar editor={editor} preview={preview} onPreview={setPreview} />
                    <ConnectionStatus snapshot={status} />
                  </div>
                  <PanelTabs panels={tabs} open={panel} onOpen={setPanel} />
                </>
              }
              onFind={() => setTool("find")}
              onShortcuts={() => setTool("shortcuts")}
            />
          )}
          {editor && (
            <FindReplaceDialog
              editor={editor}
              open={tool === "find"}
              canReplace={editable}
              onClose={() => setTool(null)}
            />
          )}
          <ShortcutsDialog open={tool === "shortcuts"} onClose={() => setTool(null)} />
          {editor && wide && <MarginColumn editor={editor} onHost={setMarginHost} />}
          <aside className="doc-sidebar" aria-label={t("document.sidebar")}>
            {editor &&
              place(
                "suggestions",
                <SuggestionsPanel editor={editor} onComment={() => setCommentRequest((n) => n + 1)} margin={margin} />,
              )}
            {place(
              "versions",
              <VersionsPanel current={editor ? () => editor.getJSON() : undefined} target={versionTarget} />,
            )}
            {place("history", <HistoryPanel />)}
            {editor &&
              place(
                "comments",
                <CommentsPanel
                  draftRequest={commentRequest}
                  editor={editor}
                  threads={threads}
                  focused={focused}
                  onFocus={setFocused}
                  target={targetThread}
                  margin={margin}
                />,
              )}
            {place("presence", <PresenceList awareness={session.provider.awareness} />)}
            {place("members", <MembersPanel />)}
            {editor && place("finance", <FinancePanel editor={editor} />)}
            {doc.kind === "agreement" && place("checks", <ChecksPanel documentId={doc.id} ydoc={session.ydoc} />)}
          </aside>
        </div>
      </main>
    </DocumentProvider>
  );
}
