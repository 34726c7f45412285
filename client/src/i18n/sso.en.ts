import type { ssoDe, ssoErrorsDe } from "./sso.de.ts";

/** English texts of single sign-on. */
export const ssoEn: typeof ssoDe = {
  sso: {
    button: "Sign in with single sign-on",
    orPassword: "or with e-mail address and password",
    refusedTitle: "Sign-in not possible",
    refused: {
      provider_error:
        "The sign-in service's answer could not be confirmed, or the service cancelled the sign-in. Please try again.",
      flow_expired: "The sign-in took too long or was started in another browser. Please start it again.",
      no_email: "The sign-in service sent no e-mail address. Please contact your administrator.",
      email_unverified:
        "The sign-in service did not report your e-mail address as confirmed. Confirm it there and try again.",
      unknown_domain:
        "Your e-mail address belongs to no organisation that works with Accord. Please contact your administrator.",
      no_account:
        "There is no account for your address, and your organisation does not create accounts automatically. Ask your administrator for an invitation.",
      account_deactivated: "Your account is deactivated. Please contact your administrator.",
    },
    retry: "Sign in with single sign-on again",
    back: "Back to sign-in",
  },
};

export const ssoErrorsEn: typeof ssoErrorsDe = {
  password_sign_in_disabled:
    "Your organisation signs in with single sign-on, not with a password. Please sign in with the single sign-on button above.",
};
