import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { createThread, type ThreadData } from "../../../../shared/comments/model.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { selectionAnchors } from "./anchors.ts";
import { SubmitOrCancel } from "./CommentForm.tsx";
import { commentAuthorOf } from "./commentAuthorOf.ts";
import { FilterSelect } from "./FilterSelect.tsx";
import { MentionField } from "./MentionField.tsx";
import { threadRangeNow } from "./passages.ts";
import { canComment } from "./permissions.ts";
import { showPassage } from "./showPassage.ts";
import { ThreadCard } from "./ThreadCard.tsx";
import { useMentionDraft } from "./useMentionDraft.ts";

type StatusFilter = "open" | "resolved" | "all";
/** Whose threads: everyone's, one party's (its organisation id), or those of organisations that are no party. */
type OrgFilter = "all" | "others" | `party:${string}`;

interface CommentsPanelProps {
  editor: Editor;
  threads: ThreadData[];
  focused: string | null;
  onFocus: (id: string | null) => void;
  /** Changes when another panel asks to start a comment on the current selection (a suggestion's text). */
  draftRequest?: number;
  /** The thread a notification's link leads to, if any. */
  target?: string | null;
  /** On wide screens, the margin beside the text: the threads are shown there, each at its passage. */
  margin?: HTMLElement | null;
}

/**
 * The comments beside the text (`comments-panel`): start a thread on the selection
 * (`comment-button`, `comment-input`, `comment-submit`), filter by status (`filter-status`)
 * and organisation (`filter-org`: one option per party of the document, named as the table
 * names it, and the organisations that are no party), and the threads in document order,
 * orphans last (in the margin beside the text when there is one).
 */
export function CommentsPanel({
  editor,
  threads,
  focused,
  onFocus,
  draftRequest,
  target = null,
  margin = null,
}: CommentsPanelProps) {
  const { t } = useTranslation();
  const { doc, user, session, organisation } = useDocument();
  // A final document takes no new threads or replies (the server refuses them too).
  const role = doc.final ? "viewer" : doc.role;
  const [status, setStatus] = useState<StatusFilter>("open");
  const [org, setOrg] = useState<OrgFilter>("all");
  const [draft, setDraft] = useState<ReturnType<typeof selectionAnchors>>(null);
  const comment = useMentionDraft();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request counter is the trigger
  useEffect(() => {
    if (draftRequest && canComment(role)) setDraft(selectionAnchors(editor));
  }, [draftRequest]);
  // The thread a notification led to shows even when resolved (the filter is on "open" by
  // default), once per arrival: resolving it afterwards hides it as usual.
  const arrived = useRef<string | null>(null);
  const targetThread = threads.find((th) => th.id === target);
  useEffect(() => {
    if (!targetThread || arrived.current === targetThread.id) return;
    arrived.current = targetThread.id;
    if (targetThread.resolved) setStatus((s) => (s === "open" ? "all" : s));
  }, [targetThread]);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  // Where each passage is now, recomputed on every transaction (the binding's mapping is current
  // by then) and compared by value, so the list re-orders and marks orphans as the text changes.
  const ranges = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(threads.map((th) => [th.id, threadRangeNow(e, th)])),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = comment.text.trim();
    if (!draft || !text) return;
    const id = createThread(session.ydoc, {
      author: commentAuthorOf(user),
      text,
      mentions: comment.mentions(),
      quote: draft.quote,
      anchorStart: draft.start,
      anchorEnd: draft.end,
    });
    setDraft(null);
    comment.reset();
    onFocus(id);
  };

  // Document order; threads whose passage is gone come last, still listed with their quote.
  const placed = threads
    .filter((th) => (status === "all" ? true : status === "open" ? !th.resolved : th.resolved))
    .filter((th) => {
      if (org === "all") return true;
      if (org === "others") return !doc.parties.some((p) => p.orgId === th.orgId);
      return `party:${th.orgId}` === org;
    })
    .map((th) => ({ thread: th, range: ranges[th.id] ?? null }))
    .sort((a, b) => (a.range?.from ?? Number.MAX_SAFE_INTEGER) - (b.range?.from ?? Number.MAX_SAFE_INTEGER));

  // Cards keep the handler of the render that last drew them (ThreadCard): this one is current,
  // and finds the passage where it is now.
  const latest = useRef((_thread: ThreadData) => {});
  latest.current = (thread: ThreadData) => {
    onFocus(thread.id);
    const range = threadRangeNow(editor, thread);
    if (range) showPassage(editor, range.from);
  };

  const list = (
    <ul className="comments__list">
      {placed.map(({ thread, range }) => (
        <ThreadCard
          key={thread.id}
          thread={thread}
          orphaned={range === null}
          marginPos={range?.from ?? null}
          focused={thread.id === focused}
          onFocus={() => latest.current(thread)}
        />
      ))}
    </ul>
  );

  return (
    <section className="panel comments" data-testid="comments-panel" aria-labelledby="comments-title">
      <h2 id="comments-title" className="panel__title">
        {t("comments.title")}
      </h2>
      {canComment(role) && !draft && (
        <button
          type="button"
          className="button button--small"
          data-testid="comment-button"
          disabled={!hasSelection}
          title={hasSelection ? undefined : t("comments.selectFirst")}
          onClick={() => setDraft(selectionAnchors(editor))}
        >
          {t("comments.add")}
        </button>
      )}
      {draft && (
        <form className="comments__new" onSubmit={submit}>
          <p className="thread__quote">«{draft.quote}»</p>
          <MentionField
            value={comment.text}
            onChange={comment.setText}
            onMention={comment.choose}
            label={t("comments.add")}
            placeholder={t("comments.placeholder")}
            rows={3}
            testId="comment-input"
          />
          <SubmitOrCancel
            label={t("comments.submit")}
            testId="comment-submit"
            text={comment.text}
            onCancel={() => setDraft(null)}
          />
        </form>
      )}
      <div className="comments__filters">
        <FilterSelect
          value={status}
          options={[
            { value: "open", label: t("comments.open") },
            { value: "resolved", label: t("comments.resolvedMany") },
            { value: "all", label: t("comments.all") },
          ]}
          onChange={setStatus}
          label={t("comments.filterStatus")}
          testId="filter-status"
        />
        <FilterSelect
          value={org}
          options={[
            { value: "all", label: t("comments.allOrgs") },
            ...doc.parties.map((p) => ({ value: `party:${p.orgId}` as const, label: organisation(p.orgId).shortName })),
            { value: "others", label: t("comments.otherOrgs") },
          ]}
          onChange={setOrg}
          label={t("comments.filterOrg")}
          testId="filter-org"
        />
      </div>
      {placed.length === 0 && <p className="muted">{t("comments.empty")}</p>}
      {margin ? createPortal(list, margin) : list}
    </section>
  );
}
