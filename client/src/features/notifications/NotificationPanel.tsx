import { useTranslation } from "react-i18next";
import type { NotificationItem } from "../../../../shared/api/notifications.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { hrefOf } from "../../routing/route.ts";
import { notificationExcerpt, notificationRoute, notificationTitle } from "./notificationText.ts";
import type { Inbox } from "./useInbox.ts";

/**
 * The inbox (`notification-panel`): newest first, each entry (`notification-item`, with
 * `data-read`) a link to its place that marks it read; "alle als gelesen markieren".
 */
export function NotificationPanel({ id, inbox, onClose }: { id: string; inbox: Inbox; onClose: () => void }) {
  const { t } = useTranslation();
  const { list, error, markRead } = inbox;
  const items = list?.items ?? [];
  return (
    <section id={id} className="bell__panel" data-testid="notification-panel" aria-labelledby={`${id}-title`}>
      <header className="bell__head">
        <h2 id={`${id}-title`} className="bell__title">
          {t("inbox.heading")}
        </h2>
        <button
          type="button"
          className="link-button"
          data-testid="notifications-mark-all"
          disabled={(list?.unread ?? 0) === 0}
          onClick={() => markRead({ all: true })}
        >
          {t("inbox.markAll")}
        </button>
      </header>
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="notifications-error">
          {t("inbox.failed")} {errorMessage(t, error)}
        </p>
      )}
      {list !== null && items.length === 0 && <p className="muted">{t("inbox.empty")}</p>}
      <ul className="bell__list">
        {items.map((item) => (
          <NotificationEntry
            key={item.id}
            item={item}
            onOpen={() => {
              if (item.readAt === null) markRead({ ids: [item.id] });
              onClose();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function NotificationEntry({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const unread = item.readAt === null;
  const excerpt = notificationExcerpt(item);
  return (
    <li
      className={`bell__item${unread ? " bell__item--unread" : ""}`}
      data-testid="notification-item"
      data-id={item.id}
      data-kind={item.kind}
      data-read={String(!unread)}
    >
      <a href={hrefOf(notificationRoute(item))} onClick={onOpen} className="bell__link">
        <span className="bell__what">
          {unread && <span className="visually-hidden">{t("inbox.unread")}: </span>}
          {notificationTitle(t, item)}
        </span>
        <span className="bell__where">
          {item.documentTitle} · <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt, i18n.language)}</time>
        </span>
        {excerpt && <span className="bell__excerpt">«{excerpt}»</span>}
      </a>
    </li>
  );
}
