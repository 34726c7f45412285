import type { ssoDe, ssoErrorsDe } from "./sso.de.ts";

/** French texts of single sign-on. */
export const ssoFr: typeof ssoDe = {
  sso: {
    button: "Se connecter avec l'authentification unique",
    orPassword: "ou avec adresse e-mail et mot de passe",
    refusedTitle: "Connexion impossible",
    refused: {
      provider_error:
        "La réponse du service de connexion n'a pas pu être confirmée, ou le service a interrompu la connexion. Veuillez réessayer.",
      flow_expired:
        "La connexion a pris trop de temps ou a été commencée dans un autre navigateur. Veuillez la recommencer.",
      no_email: "Le service de connexion n'a transmis aucune adresse e-mail. Adressez-vous à votre administration.",
      email_unverified:
        "Le service de connexion n'a pas signalé votre adresse e-mail comme confirmée. Confirmez-la auprès de lui et réessayez.",
      unknown_domain:
        "Votre adresse e-mail n'appartient à aucune organisation qui travaille avec Accord. Adressez-vous à votre administration.",
      no_account:
        "Il n'existe aucun compte pour votre adresse, et votre organisation ne crée pas de comptes automatiquement. Demandez une invitation à votre administration.",
      account_deactivated: "Votre compte est désactivé. Adressez-vous à votre administration.",
    },
    retry: "Se reconnecter avec l'authentification unique",
    back: "Retour à la connexion",
  },
};

export const ssoErrorsFr: typeof ssoErrorsDe = {
  password_sign_in_disabled:
    "Votre organisation se connecte par authentification unique, pas par mot de passe. Connectez-vous avec le bouton d'authentification unique ci-dessus.",
};
