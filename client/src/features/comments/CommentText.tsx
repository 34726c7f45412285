import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { textPieces } from "./mentions.ts";

/**
 * A comment's text with its mentions: a member's "@Name" highlighted (`mention`), one of
 * someone who is not (or no longer) a member marked as not notified (`mention-not-member`).
 * Before the members are loaded the text shows plain, so nothing is marked wrongly.
 */
export function CommentText({ text, mentions, testId }: { text: string; mentions: readonly string[]; testId: string }) {
  const { t } = useTranslation();
  const { members } = useDocument();
  if (members === null || mentions.length === 0) {
    return (
      <p className="thread__text" data-testid={testId}>
        {text}
      </p>
    );
  }
  const { pieces, unmatched } = textPieces(text, mentions, members);
  return (
    <p className="thread__text" data-testid={testId}>
      {pieces.map((piece, i) => {
        // Pieces are positions in one text: their index is their identity.
        const key = `${i}-${piece.kind}`;
        if (piece.kind === "text") return <span key={key}>{piece.text}</span>;
        if (piece.kind === "member") {
          return (
            <mark key={key} className="mention" data-testid="mention" data-user-id={piece.userId}>
              {piece.text}
            </mark>
          );
        }
        return (
          <span key={key} className="mention mention--none" data-testid="mention-not-member">
            {piece.text} <span className="badge badge--warning">{t("mentions.notMember")}</span>
          </span>
        );
      })}
      {unmatched > 0 && (
        <span className="badge badge--warning" data-testid="mention-not-member">
          {" "}
          {t("mentions.notMember")}
        </span>
      )}
    </p>
  );
}
