import type { Language } from "../store/ports/AccountStore.ts";
import type { MailKind } from "./Mailer.ts";

/** What a message says, before it is laid out as text and HTML. Values are plain text. */
export interface MessageText {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The label of the message's link; null for a message without one. */
  action: string | null;
  footer: string;
}

/** The values messages are written from; everything here may have been typed by a user. */
export interface MessageValues {
  invitation: { name: string | null; orgName: string; inviterName: string; expiresAt: string };
  password_reset: { name: string; expiresAt: string };
  password_changed: { name: string; at: string };
}

type Catalogue = { [K in MailKind]: (v: MessageValues[K]) => MessageText };

/**
 * The three messages in the four languages, as a typed catalogue rather than i18next on the
 * server: three short texts need no loader or global instance, and the compiler checks that
 * every language has every message with the right values.
 */
export const MAIL_CATALOGUE: Record<Language, Catalogue> = {
  de: {
    invitation: (v) => ({
      subject: `Einladung zu Accord: ${v.orgName}`,
      greeting: v.name ? `Guten Tag ${v.name}` : "Guten Tag",
      paragraphs: [
        `${v.inviterName} lädt Sie ein, in Accord für ${v.orgName} mitzuarbeiten.`,
        `Wählen Sie über den folgenden Link Ihren Namen und Ihr Passwort. Der Link gilt bis ${v.expiresAt} und nur einmal.`,
      ],
      action: "Einladung annehmen",
      footer: "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.",
    }),
    password_reset: (v) => ({
      subject: "Accord: Passwort zurücksetzen",
      greeting: `Guten Tag ${v.name}`,
      paragraphs: [
        `Für Ihr Konto wurde ein neues Passwort angefordert. Der folgende Link gilt bis ${v.expiresAt} und nur einmal.`,
      ],
      action: "Neues Passwort wählen",
      footer: "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.",
    }),
    password_changed: (v) => ({
      subject: "Accord: Ihr Passwort wurde geändert",
      greeting: `Guten Tag ${v.name}`,
      paragraphs: [`Das Passwort Ihres Kontos wurde am ${v.at} geändert. Alle anderen Anmeldungen wurden beendet.`],
      action: null,
      footer: "Wenn Sie das nicht waren, wenden Sie sich sofort an Ihre Administration.",
    }),
  },
  fr: {
    invitation: (v) => ({
      subject: `Invitation à Accord : ${v.orgName}`,
      greeting: v.name ? `Bonjour ${v.name}` : "Bonjour",
      paragraphs: [
        `${v.inviterName} vous invite à collaborer dans Accord pour ${v.orgName}.`,
        `Choisissez votre nom et votre mot de passe au moyen du lien ci-dessous. Il est valable jusqu'au ${v.expiresAt}, une seule fois.`,
      ],
      action: "Accepter l'invitation",
      footer: "Si vous n'attendiez pas cette invitation, vous pouvez ignorer cet e-mail.",
    }),
    password_reset: (v) => ({
      subject: "Accord : réinitialiser le mot de passe",
      greeting: `Bonjour ${v.name}`,
      paragraphs: [
        `Un nouveau mot de passe a été demandé pour votre compte. Le lien ci-dessous est valable jusqu'au ${v.expiresAt}, une seule fois.`,
      ],
      action: "Choisir un nouveau mot de passe",
      footer: "Si vous n'avez rien demandé, ignorez cet e-mail ; votre mot de passe reste inchangé.",
    }),
    password_changed: (v) => ({
      subject: "Accord : votre mot de passe a été modifié",
      greeting: `Bonjour ${v.name}`,
      paragraphs: [
        `Le mot de passe de votre compte a été modifié le ${v.at}. Toutes les autres sessions ont été fermées.`,
      ],
      action: null,
      footer: "Si ce n'était pas vous, adressez-vous immédiatement à votre administration.",
    }),
  },
  it: {
    invitation: (v) => ({
      subject: `Invito ad Accord: ${v.orgName}`,
      greeting: v.name ? `Buongiorno ${v.name}` : "Buongiorno",
      paragraphs: [
        `${v.inviterName} la invita a collaborare in Accord per ${v.orgName}.`,
        `Scelga il suo nome e la sua password tramite il link seguente. È valido fino al ${v.expiresAt} e una sola volta.`,
      ],
      action: "Accettare l'invito",
      footer: "Se non si aspettava questo invito, può ignorare questa e-mail.",
    }),
    password_reset: (v) => ({
      subject: "Accord: reimpostare la password",
      greeting: `Buongiorno ${v.name}`,
      paragraphs: [
        `È stata richiesta una nuova password per il suo conto. Il link seguente è valido fino al ${v.expiresAt} e una sola volta.`,
      ],
      action: "Scegliere una nuova password",
      footer: "Se non l'ha richiesto, ignori questa e-mail; la sua password resta invariata.",
    }),
    password_changed: (v) => ({
      subject: "Accord: la sua password è stata modificata",
      greeting: `Buongiorno ${v.name}`,
      paragraphs: [
        `La password del suo conto è stata modificata il ${v.at}. Tutte le altre sessioni sono state chiuse.`,
      ],
      action: null,
      footer: "Se non è stato lei, si rivolga subito alla sua amministrazione.",
    }),
  },
  en: {
    invitation: (v) => ({
      subject: `Invitation to Accord: ${v.orgName}`,
      greeting: v.name ? `Hello ${v.name}` : "Hello",
      paragraphs: [
        `${v.inviterName} invites you to work in Accord for ${v.orgName}.`,
        `Choose your name and password with the link below. It is valid until ${v.expiresAt}, once.`,
      ],
      action: "Accept the invitation",
      footer: "If you did not expect this invitation, you can ignore this e-mail.",
    }),
    password_reset: (v) => ({
      subject: "Accord: reset your password",
      greeting: `Hello ${v.name}`,
      paragraphs: [
        `A new password was requested for your account. The link below is valid until ${v.expiresAt}, once.`,
      ],
      action: "Choose a new password",
      footer: "If you did not ask for this, ignore this e-mail; your password stays as it is.",
    }),
    password_changed: (v) => ({
      subject: "Accord: your password was changed",
      greeting: `Hello ${v.name}`,
      paragraphs: [`The password of your account was changed on ${v.at}. All other sessions were ended.`],
      action: null,
      footer: "If this was not you, contact your administrators at once.",
    }),
  },
};
