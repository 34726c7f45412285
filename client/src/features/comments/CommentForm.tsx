import { useTranslation } from "react-i18next";

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
