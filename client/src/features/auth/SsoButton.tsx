import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSignInMethods } from "./useSignInMethods.ts";
import "./sso.css";

/**
 * The single sign-on button (`sso-button`), when the server has it on: a plain link to the
 * server's start route, which sends the browser on to the provider. Its text is the label
 * the deployment configured (e.g. "Mit eIAM anmelden"), else the translated default.
 */
export function SsoButton({ text, children }: { text?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const methods = useSignInMethods();
  if (!methods?.oidc) return null;
  return (
    <>
      <a className="button button--primary sso-button" href={methods.oidc.startUrl} data-testid="sso-button">
        {text ?? methods.oidc.label ?? t("sso.button")}
      </a>
      {children}
    </>
  );
}
