import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { CommentField, SubmitOrCancel } from "./CommentForm.tsx";

interface CommentBodyProps {
  /** Prefix of the test ids: `comment-…` for a thread's opening comment, `reply-…` for a reply. */
  kind: "comment" | "reply";
  comment: { authorName: string; orgId: string; createdAt: string; editedAt: string | null; text: string };
  /** The signed-in user wrote it (and may still comment): offer to edit and delete it. */
  own: boolean;
  onEdit: (text: string) => void;
  onDelete: () => void;
  /** Shown at the end of the meta line, e.g. the thread's "erledigt". */
  badge?: ReactNode;
}

/**
 * One comment: author, organisation, time, "bearbeitet" once edited, and the text. Its
 * author edits it in place (`<kind>-edit`, `<kind>-edit-input`, `<kind>-edit-save`) and
 * deletes it in two steps (`<kind>-delete`, then `<kind>-delete-confirm`).
 */
export function CommentBody({ kind, comment, own, onEdit, onDelete, badge }: CommentBodyProps) {
  const { t, i18n } = useTranslation();
  const { organisation } = useDocument();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = draft?.trim() ?? "";
    // The model requires a text; an empty one would be refused by the server (and reset us).
    if (text && text !== comment.text) onEdit(text);
    setDraft(null);
  };

  return (
    <>
      <p className="thread__meta">
        <strong>{comment.authorName}</strong> ({organisation(comment.orgId).shortName}) ·{" "}
        {formatDateTime(comment.createdAt, i18n.language)}
        {comment.editedAt && <span data-testid={`${kind}-edited`}> · {t("comments.edited")}</span>}
        {badge}
      </p>
      {draft === null ? (
        <p className="thread__text" data-testid={`${kind}-text`}>
          {comment.text}
        </p>
      ) : (
        <form className="thread__edit" onSubmit={save}>
          <CommentField
            value={draft}
            onChange={setDraft}
            label={t("comments.edit")}
            rows={3}
            testId={`${kind}-edit-input`}
          />
          <SubmitOrCancel
            label={t("comments.save")}
            testId={`${kind}-edit-save`}
            text={draft}
            onCancel={() => setDraft(null)}
          />
        </form>
      )}
      {own && draft === null && (
        <div className="thread__actions">
          {confirming ? (
            <>
              <button
                type="button"
                className="link-button link-button--danger"
                data-testid={`${kind}-delete-confirm`}
                onClick={onDelete}
              >
                {kind === "comment" ? t("comments.confirmDeleteThread") : t("comments.confirmDelete")}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t("comments.cancel")}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="link-button"
                data-testid={`${kind}-edit`}
                onClick={() => setDraft(comment.text)}
              >
                {t("comments.edit")}
              </button>
              <button
                type="button"
                className="link-button"
                data-testid={`${kind}-delete`}
                onClick={() => setConfirming(true)}
              >
                {t("comments.delete")}
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
