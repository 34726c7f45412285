import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { useWordOrigins } from "./useWordOrigins.ts";

/**
 * "in Word: Name, Datum" for an imported suggestion, thread or reply (`word-origin`), from
 * the origin the server recorded under `originKey`; nothing for items made in Accord.
 */
export function WordOriginNote({ originKey }: { originKey: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useDocument();
  const origin = useWordOrigins(session.ydoc).get(originKey);
  if (!origin) return null;
  return (
    <p className="muted word-origin" data-testid="word-origin">
      {origin.date
        ? t("wordOrigin.withDate", { name: origin.author, date: formatDateTime(origin.date, i18n.language) })
        : t("wordOrigin.withoutDate", { name: origin.author })}
    </p>
  );
}
