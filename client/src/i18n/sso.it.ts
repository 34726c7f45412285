import type { ssoDe, ssoErrorsDe } from "./sso.de.ts";

/** Italian texts of single sign-on. */
export const ssoIt: typeof ssoDe = {
  sso: {
    button: "Accedi con l'accesso unico (SSO)",
    orPassword: "oppure con indirizzo e-mail e password",
    refusedTitle: "Accesso non possibile",
    refused: {
      provider_error:
        "Non è stato possibile confermare la risposta del servizio di accesso, oppure il servizio ha interrotto l'accesso. Riprovi.",
      flow_expired: "L'accesso è durato troppo o è stato iniziato in un altro browser. Lo ricominci.",
      no_email: "Il servizio di accesso non ha trasmesso alcun indirizzo e-mail. Si rivolga alla sua amministrazione.",
      email_unverified:
        "Il servizio di accesso non ha segnalato il suo indirizzo e-mail come confermato. Lo confermi presso il servizio e riprovi.",
      unknown_domain:
        "Il suo indirizzo e-mail non appartiene ad alcuna organizzazione che lavora con Accord. Si rivolga alla sua amministrazione.",
      no_account:
        "Non esiste alcun conto per il suo indirizzo e la sua organizzazione non crea conti automaticamente. Chieda un invito alla sua amministrazione.",
      account_deactivated: "Il suo conto è disattivato. Si rivolga alla sua amministrazione.",
    },
    retry: "Accedi di nuovo con l'accesso unico",
    back: "Torna all'accesso",
  },
};

export const ssoErrorsIt: typeof ssoErrorsDe = {
  password_sign_in_disabled:
    "La sua organizzazione accede con l'accesso unico (SSO), non con la password. Acceda con il pulsante dell'accesso unico qui sopra.",
};
