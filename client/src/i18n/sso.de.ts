/** German texts of single sign-on (the login button and the refusal page): part of the reference catalogue (de.ts). */
export const ssoDe = {
  sso: {
    button: "Mit Single Sign-on anmelden",
    orPassword: "oder mit E-Mail-Adresse und Passwort",
    refusedTitle: "Anmeldung nicht möglich",
    refused: {
      provider_error:
        "Die Antwort des Anmeldedienstes konnte nicht bestätigt werden, oder der Dienst hat die Anmeldung abgebrochen. Bitte versuchen Sie es erneut.",
      flow_expired:
        "Die Anmeldung hat zu lange gedauert oder wurde in einem anderen Browser begonnen. Bitte starten Sie sie erneut.",
      no_email: "Der Anmeldedienst hat keine E-Mail-Adresse übermittelt. Wenden Sie sich an Ihre Administration.",
      email_unverified:
        "Der Anmeldedienst hat Ihre E-Mail-Adresse nicht als bestätigt gemeldet. Bestätigen Sie sie dort und versuchen Sie es erneut.",
      unknown_domain:
        "Ihre E-Mail-Adresse gehört zu keiner Organisation, die mit Accord arbeitet. Wenden Sie sich an Ihre Administration.",
      no_account:
        "Für Ihre Adresse besteht kein Konto, und Ihre Organisation legt Konten nicht automatisch an. Bitten Sie Ihre Administration um eine Einladung.",
      account_deactivated: "Ihr Konto ist deaktiviert. Wenden Sie sich an Ihre Administration.",
    },
    retry: "Erneut mit Single Sign-on anmelden",
    back: "Zur Anmeldung",
  },
};

/** The German message of the error code single sign-on added (merged into `errors`). */
export const ssoErrorsDe = {
  password_sign_in_disabled:
    "Ihre Organisation meldet sich über Single Sign-on an, nicht mit Passwort. Bitte melden Sie sich mit der Schaltfläche für Single Sign-on oben an.",
};
