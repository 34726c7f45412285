import { useTranslation } from "react-i18next";
import type { Awareness } from "y-protocols/awareness";
import { personColour } from "./personColour.ts";
import { usePresence } from "./usePresence.ts";

/** Who is in the document right now (`data-testid="presence"`), each with organisation and their caret colour. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const people = usePresence(awareness);
  return (
    <section className="panel presence" aria-labelledby="presence-heading" data-testid="presence">
      <h2 className="panel__title" id="presence-heading">
        {t("presence.heading")}
      </h2>
      <ul className="presence__list">
        {people.map((person) => (
          <li key={person.id} className="presence__item" data-testid="presence-item" data-user-id={person.id}>
            <span
              className="presence__swatch"
              style={{ backgroundColor: personColour(person.id) }}
              aria-hidden="true"
            />
            <span className="presence__name">
              {person.name}
              {person.self && <span className="presence__self"> ({t("presence.you")})</span>}
            </span>
            <span className="presence__org">{person.orgName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
