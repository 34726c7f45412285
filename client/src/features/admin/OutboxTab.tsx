import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxMessage } from "../../../../shared/api/accountSchemas.ts";
import { readOutbox } from "../../api/admin.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";

/** The local outbox (no SMTP): messages as plain text; their HTML is never rendered here. */
export function OutboxTab() {
  const { t, i18n } = useTranslation();
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    readOutbox().then(setMessages, setError);
  }, []);
  return (
    <section data-testid="admin-outbox">
      <p className="muted">{t("admin.outbox.intro")}</p>
      {error !== null && <p className="alert alert--error">{errorMessage(t, error)}</p>}
      {messages?.length === 0 && <p className="muted">{t("admin.outbox.empty")}</p>}
      {messages?.map((m) => (
        <article key={m.id} className="outbox-message" data-testid="outbox-message">
          <h3>{m.subject}</h3>
          <p className="muted">
            {t("admin.outbox.to")}: {m.recipient} · {formatDateTime(m.at, i18n.language)}
          </p>
          <pre className="outbox-message__text" data-testid="outbox-text">
            {m.text}
          </pre>
        </article>
      ))}
    </section>
  );
}
