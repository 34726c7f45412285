import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../../styles/admin.css";
import type { User } from "../../../../shared/api/schemas.ts";
import { OrganisationsTab } from "./OrganisationsTab.tsx";
import { OutboxTab } from "./OutboxTab.tsx";
import { PeopleTab } from "./PeopleTab.tsx";
import { useAdminOrganisations } from "./useAdminOrganisations.ts";

const TABS = ["people", "organisations", "outbox"] as const;
type Tab = (typeof TABS)[number];

/** The admin area, for administrators only (every action is checked again by the server). */
export function AdminPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("people");
  const organisations = useAdminOrganisations();
  return (
    <main className="page" data-testid="admin-page">
      <h1>{t("admin.heading")}</h1>
      <div role="tablist" className="admin-tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? "button button--primary" : "button"}
            onClick={() => setTab(name)}
            data-testid={`admin-tab-${name}`}
          >
            {t(`admin.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === "people" && <PeopleTab user={user} organisations={organisations.list} />}
      {tab === "organisations" && <OrganisationsTab user={user} {...organisations} />}
      {tab === "outbox" && <OutboxTab />}
    </main>
  );
}
