import { useTranslation } from "react-i18next";
import type { SsoRefusal } from "../../../../shared/api/signInMethods.ts";
import { LanguageSelect } from "../../layout/LanguageSelect.tsx";
import { hrefOf } from "../../routing/route.ts";
import { SsoButton } from "./SsoButton.tsx";

/** Where the server sends a refused single sign-on: why, in the UI language (`sso-refused`), and the ways back. */
export function SsoRefusedPage({ reason }: { reason: SsoRefusal }) {
  const { t } = useTranslation();
  return (
    <main className="login">
      <section className="login__card" aria-labelledby="sso-refused-title">
        <p className="login__brand">{t("app.name")}</p>
        <h1 id="sso-refused-title">{t("sso.refusedTitle")}</h1>
        <p className="alert alert--error" role="alert" data-testid="sso-refused" data-reason={reason}>
          {t(`sso.refused.${reason}`)}
        </p>
        <SsoButton text={t("sso.retry")} />
        <p>
          <a href={hrefOf({ page: "login" })} data-testid="sso-refused-back">
            {t("sso.back")}
          </a>
        </p>
        <LanguageSelect />
      </section>
    </main>
  );
}
