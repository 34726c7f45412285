import { useTranslation } from "react-i18next";
import type { User } from "../../../shared/api/schemas.ts";
import { NotificationBell } from "../features/notifications/index.ts";
import { NEUTRAL_COLOUR, organisationName } from "../lib/organisationOf.ts";
import { hrefOf } from "../routing/route.ts";
import { LanguageSelect } from "./LanguageSelect.tsx";
import { useOwnOrganisation } from "./useOwnOrganisation.ts";

/** The bar on every signed-in page: app name, the user with organisation, the inbox bell, language, sign-out. */
export function AppHeader({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const org = useOwnOrganisation(user.id);
  // In the UI's language once the organisation is loaded; the server's (German) name until then.
  const orgName = org ? organisationName(org, i18n.language) : user.orgName;
  return (
    <header className="app-header">
      <a className="app-header__brand" href={hrefOf({ page: "list" })}>
        {t("app.name")}
      </a>
      <div className="app-header__user" data-testid="current-user">
        <span
          className="app-header__swatch"
          style={{ backgroundColor: org?.colour ?? NEUTRAL_COLOUR }}
          aria-hidden="true"
        />
        <span className="app-header__name" data-testid="current-user-name">
          {user.name}
        </span>
        <span className="app-header__org" data-testid="current-user-org" title={orgName}>
          {orgName}
        </span>
      </div>
      <div className="app-header__actions">
        <NotificationBell />
        <a href={hrefOf({ page: "verify" })} data-testid="verify-link">
          {t("versions.verify")}
        </a>
        <a href={hrefOf({ page: "account" })} data-testid="account-link">
          {t("account.link")}
        </a>
        {user.instanceRole !== null && (
          <a href={hrefOf({ page: "admin" })} data-testid="admin-link">
            {t("admin.link")}
          </a>
        )}
        <LanguageSelect />
        <button type="button" className="button button--quiet" onClick={onSignOut} data-testid="logout">
          {t("header.signOut")}
        </button>
      </div>
    </header>
  );
}
