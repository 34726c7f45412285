import { useTranslation } from "react-i18next";
import { COMMENT_MAX_LENGTH } from "./limits.ts";

/** The text field of a comment or reply: as long as the model allows, never longer. */
export function CommentField(props: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  placeholder?: string;
  rows: number;
  testId: string;
}) {
  return (
    <textarea
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      placeholder={props.placeholder}
      aria-label={props.label}
      maxLength={COMMENT_MAX_LENGTH}
      rows={props.rows}
      data-testid={props.testId}
    />
  );
}

/** Submit (disabled while the text is blank) and cancel, below a comment's text field. */
export function SubmitOrCancel(props: { label: string; testId: string; text: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="thread__actions">
      <button type="submit" className="button button--small" data-testid={props.testId} disabled={!props.text.trim()}>
        {props.label}
      </button>
      <button type="button" className="link-button" onClick={props.onCancel}>
        {t("comments.cancel")}
      </button>
    </div>
  );
}
