import { memo, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { wordOriginKey } from "../../../../shared/word/origins.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { scrollCardIntoView } from "../margin/index.ts";
import { WordOriginNote } from "../wordImport/index.ts";
import { type Decision, DecisionPair } from "./DecisionPair.tsx";

interface SuggestionCardProps {
  suggestion: SuggestionSummary;
  /** The selection is in its text: shown as the current one, and brought into view in the margin. */
  active?: boolean;
  /** Placed in the margin beside its text (its position goes to the margin's layout). */
  inMargin?: boolean;
  /** What the user may decide on it; nothing offered is left out. */
  may: Record<Decision, boolean>;
  onDecide: (decision: Decision) => void;
  onJump: () => void;
  /** Left out for those who may not comment. */
  onComment?: () => void;
}

/**
 * One pending suggestion (`suggestion-card`): author, organisation, time, the changed text,
 * accept and reject (`suggestion-accept`, `suggestion-reject`; "withdraw" for its author),
 * show it in the text (`suggestion-jump`) and comment on it (`suggestion-comment`).
 * A keystroke moves every suggestion after it: only the card's element follows (its margin
 * position), its contents are drawn again only when what they show changes. So the handlers
 * must act on the suggestion by id, not on positions captured when the card was drawn.
 */
export const SuggestionCard = memo(
  function SuggestionCard({ suggestion: s, active = false, inMargin = false, ...actions }: SuggestionCardProps) {
    const { organisation } = useDocument();
    const card = useRef<HTMLLIElement>(null);
    // Activated from the text: in the margin, bring the card into view (in the list below the
    // text on narrow screens it would pull the page away from where the user types).
    useEffect(() => {
      if (active && inMargin && card.current) return scrollCardIntoView(card.current);
      return undefined;
    }, [active, inMargin]);
    return (
      <li
        ref={card}
        className={`suggestion${active ? " suggestion--active" : ""}`}
        data-testid="suggestion-card"
        data-author={s.origin?.userId}
        data-active={String(active)}
        data-margin-pos={inMargin ? s.from : undefined}
        aria-current={active ? "true" : undefined}
        style={{ borderColor: organisation(s.origin?.orgId ?? "").colour }}
      >
        <CardContents suggestion={s} active={active} {...actions} />
      </li>
    );
  },
  (a, b) => sameContents(a, b) && a.inMargin === b.inMargin && (!b.inMargin || a.suggestion.from === b.suggestion.from),
);

type ContentsProps = Omit<SuggestionCardProps, "inMargin">;

/** What a card shows is the same: its text, its state and what may be done with it (handlers are by id). */
function sameContents(a: ContentsProps, b: ContentsProps): boolean {
  return (
    a.suggestion.id === b.suggestion.id &&
    a.suggestion.inserted === b.suggestion.inserted &&
    a.suggestion.deleted === b.suggestion.deleted &&
    a.active === b.active &&
    a.may.accept === b.may.accept &&
    a.may.reject === b.may.reject &&
    !a.onComment === !b.onComment
  );
}

const CardContents = memo(function CardContents({
  suggestion: s,
  active = false,
  may,
  onDecide,
  onJump,
  onComment,
}: ContentsProps) {
  const { t, i18n } = useTranslation();
  const { doc, user, members, organisation } = useDocument();
  const look = organisation(s.origin?.orgId ?? "");
  const author = members?.find((m) => m.userId === s.origin?.userId)?.name ?? t("suggestions.unknownAuthor");
  const withdraws = s.origin?.userId === user.id && doc.role !== "owner" && doc.role !== "editor";
  return (
    <>
      <p className="suggestion__meta">
        <strong>{author}</strong> <span className="badge">{look.shortName}</span>{" "}
        {s.origin && (
          <time dateTime={new Date(s.origin.at).toISOString()}>
            {formatDateTime(new Date(s.origin.at).toISOString(), i18n.language)}
          </time>
        )}
      </p>
      <WordOriginNote originKey={wordOriginKey.suggestion(s.id)} />
      {s.deleted && (
        <p className="suggestion__change">
          <span className="muted">{t("suggestions.deleted")}: </span>
          <del data-testid="suggestion-deleted">{s.deleted}</del>
        </p>
      )}
      {s.inserted && (
        <p className="suggestion__change">
          <span className="muted">{t("suggestions.inserted")}: </span>
          <ins data-testid="suggestion-inserted">{s.inserted}</ins>
        </p>
      )}
      <div className="thread__actions">
        <DecisionPair
          accept={may.accept ? { label: t("suggestions.accept"), testId: "suggestion-accept" } : undefined}
          reject={
            may.reject
              ? { label: withdraws ? t("suggestions.withdraw") : t("suggestions.reject"), testId: "suggestion-reject" }
              : undefined
          }
          onDecide={onDecide}
        />
        <button
          type="button"
          className="link-button"
          data-testid="suggestion-jump"
          aria-pressed={active}
          onClick={onJump}
        >
          {t("suggestions.jump")}
        </button>
        {onComment && (
          <button type="button" className="link-button" data-testid="suggestion-comment" onClick={onComment}>
            {t("suggestions.comment")}
          </button>
        )}
      </div>
    </>
  );
}, sameContents);
