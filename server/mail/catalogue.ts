import type { NotificationKind } from "../../shared/api/notifications.ts";
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

/** The messages of one text with one link; notification mail lists several (`NOTIFICATION_MAIL`). */
export type LetterKind = Exclude<MailKind, "notification">;

type Catalogue = { [K in LetterKind]: (v: MessageValues[K]) => MessageText };

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

/** The locale each language formats times and picks plurals in. */
export const LOCALES: Record<Language, string> = { de: "de-CH", fr: "fr-CH", it: "it-CH", en: "en-GB" };

/** The form of `one` or `other` that `count` takes in the language (French counts 0 as one). */
const plural = (language: Language, count: number, one: string, other: string): string =>
  new Intl.PluralRules(LOCALES[language]).select(count) === "one" ? one : other;

/** One notification as a mail tells it; names, labels and the excerpt were typed by users. */
export interface NotificationLine {
  kind: NotificationKind;
  /** Who caused it; null for the server (a milestone reached by the last of several approvals). */
  actor: string | null;
  /** The organisation of the actor, named for the other party's suggestions. */
  party: string | null;
  count: number;
  /** The milestone's label, for milestone kinds. */
  milestone: string;
  /** Comment text, or a rejection's reason. */
  excerpt: string;
}

/** The notification mail's texts: a digest of what happened in one document. */
export interface NotificationMailText {
  subject(documentTitle: string, count: number): string;
  greeting(name: string): string;
  intro(documentTitle: string): string;
  /** One sentence per notification; the excerpt is shown beneath it, except for a rejection, whose reason it is. */
  line(n: NotificationLine): string;
  open: string;
  /** Why at most one mail per document arrives in a while. */
  batching(minutes: number): string;
  unsubscribe: string;
}

const someone = { de: "Jemand", fr: "Quelqu'un", it: "Qualcuno", en: "Someone" } as const;

/** Notification mail in the four languages, with plurals where counts appear. */
export const NOTIFICATION_MAIL: Record<Language, NotificationMailText> = {
  de: {
    subject: (title, n) => `Accord: ${n} ${plural("de", n, "Neuigkeit", "Neuigkeiten")} in «${title}»`,
    greeting: (name) => `Guten Tag ${name}`,
    intro: (title) => `Im Dokument «${title}» gibt es Neues für Sie:`,
    line: (n) => {
      const who = n.actor ?? someone.de;
      switch (n.kind) {
        case "mentioned":
          return `${who} hat Sie erwähnt`;
        case "reply":
          return `${who} hat geantwortet`;
        case "thread_resolved":
          return `${who} hat einen Kommentar erledigt`;
        case "thread_reopened":
          return `${who} hat einen Kommentar wieder geöffnet`;
        case "suggestions":
          return `${n.party ?? who} hat ${plural("de", n.count, "einen neuen Vorschlag", `${n.count} neue Vorschläge`)} gemacht`;
        case "milestone_awaiting":
          return `Meilenstein «${n.milestone}» wartet auf die Freigabe Ihrer Organisation`;
        case "milestone_reached":
          return `Meilenstein «${n.milestone}» erreicht`;
        case "milestone_rejected":
          return `Meilenstein «${n.milestone}» abgelehnt von ${who}: ${n.excerpt}`;
      }
    },
    open: "Öffnen",
    batching: (m) =>
      `Zu jedem Dokument erhalten Sie höchstens eine solche E-Mail ${plural("de", m, "pro Minute", `alle ${m} Minuten`)}.`,
    unsubscribe: "Keine Benachrichtigungen mehr per E-Mail erhalten",
  },
  fr: {
    subject: (title, n) => `Accord : ${n} ${plural("fr", n, "nouveauté", "nouveautés")} dans « ${title} »`,
    greeting: (name) => `Bonjour ${name}`,
    intro: (title) => `Du nouveau pour vous dans le document « ${title} » :`,
    line: (n) => {
      const who = n.actor ?? someone.fr;
      switch (n.kind) {
        case "mentioned":
          return `${who} vous a mentionné·e`;
        case "reply":
          return `${who} a répondu`;
        case "thread_resolved":
          return `${who} a résolu un commentaire`;
        case "thread_reopened":
          return `${who} a rouvert un commentaire`;
        case "suggestions":
          return `${n.party ?? who} a fait ${plural("fr", n.count, "une nouvelle proposition", `${n.count} nouvelles propositions`)}`;
        case "milestone_awaiting":
          return `Le jalon « ${n.milestone} » attend l'approbation de votre organisation`;
        case "milestone_reached":
          return `Jalon « ${n.milestone} » atteint`;
        case "milestone_rejected":
          return `Jalon « ${n.milestone} » refusé par ${who} : ${n.excerpt}`;
      }
    },
    open: "Ouvrir",
    batching: (m) =>
      `Vous recevez au plus un tel e-mail par document ${plural("fr", m, "par minute", `toutes les ${m} minutes`)}.`,
    unsubscribe: "Ne plus recevoir de notifications par e-mail",
  },
  it: {
    subject: (title, n) => `Accord: ${n} ${plural("it", n, "novità", "novità")} in «${title}»`,
    greeting: (name) => `Buongiorno ${name}`,
    intro: (title) => `Ci sono novità per lei nel documento «${title}»:`,
    line: (n) => {
      const who = n.actor ?? someone.it;
      switch (n.kind) {
        case "mentioned":
          return `${who} l'ha menzionata`;
        case "reply":
          return `${who} ha risposto`;
        case "thread_resolved":
          return `${who} ha risolto un commento`;
        case "thread_reopened":
          return `${who} ha riaperto un commento`;
        case "suggestions":
          return `${n.party ?? who} ha fatto ${plural("it", n.count, "una nuova proposta", `${n.count} nuove proposte`)}`;
        case "milestone_awaiting":
          return `La tappa «${n.milestone}» attende l'approvazione della sua organizzazione`;
        case "milestone_reached":
          return `Tappa «${n.milestone}» raggiunta`;
        case "milestone_rejected":
          return `Tappa «${n.milestone}» respinta da ${who}: ${n.excerpt}`;
      }
    },
    open: "Aprire",
    batching: (m) =>
      `Per ogni documento riceve al massimo una tale e-mail ${plural("it", m, "al minuto", `ogni ${m} minuti`)}.`,
    unsubscribe: "Non ricevere più notifiche per e-mail",
  },
  en: {
    subject: (title, n) => `Accord: ${n} ${plural("en", n, "update", "updates")} in “${title}”`,
    greeting: (name) => `Hello ${name}`,
    intro: (title) => `There is news for you in the document “${title}”:`,
    line: (n) => {
      const who = n.actor ?? someone.en;
      switch (n.kind) {
        case "mentioned":
          return `${who} mentioned you`;
        case "reply":
          return `${who} replied`;
        case "thread_resolved":
          return `${who} resolved a comment`;
        case "thread_reopened":
          return `${who} reopened a comment`;
        case "suggestions":
          return `${n.party ?? who} made ${plural("en", n.count, "a new suggestion", `${n.count} new suggestions`)}`;
        case "milestone_awaiting":
          return `Milestone “${n.milestone}” awaits your organisation's approval`;
        case "milestone_reached":
          return `Milestone “${n.milestone}” reached`;
        case "milestone_rejected":
          return `Milestone “${n.milestone}” rejected by ${who}: ${n.excerpt}`;
      }
    },
    open: "Open",
    batching: (m) =>
      `You get at most one such e-mail per document ${plural("en", m, "per minute", `every ${m} minutes`)}.`,
    unsubscribe: "Stop notification e-mails",
  },
};

/** The page an unsubscribe link opens (no sign-in): a question with one button, then the answer. */
export interface UnsubscribePageText {
  title: string;
  question: string;
  button: string;
  done: string;
  invalid: string;
}

export const UNSUBSCRIBE_PAGE: Record<Language, UnsubscribePageText> = {
  de: {
    title: "Accord: E-Mail-Benachrichtigungen",
    question: "Möchten Sie keine Benachrichtigungen mehr per E-Mail erhalten? In Accord sehen Sie sie weiterhin.",
    button: "Keine E-Mails mehr",
    done: "Erledigt: Sie erhalten keine Benachrichtigungen mehr per E-Mail. In Accord sehen Sie sie weiterhin und können die E-Mails in Ihren Einstellungen wieder einschalten.",
    invalid: "Dieser Link ist ungültig oder abgelaufen. Es wurde nichts geändert.",
  },
  fr: {
    title: "Accord : notifications par e-mail",
    question: "Ne plus recevoir de notifications par e-mail ? Vous les verrez toujours dans Accord.",
    button: "Plus d'e-mails",
    done: "C'est fait : vous ne recevez plus de notifications par e-mail. Vous les voyez toujours dans Accord et pouvez réactiver les e-mails dans vos paramètres.",
    invalid: "Ce lien n'est pas valable ou a expiré. Rien n'a été modifié.",
  },
  it: {
    title: "Accord: notifiche per e-mail",
    question: "Non desidera più ricevere notifiche per e-mail? In Accord continuerà a vederle.",
    button: "Niente più e-mail",
    done: "Fatto: non riceve più notifiche per e-mail. In Accord continua a vederle e può riattivare le e-mail nelle sue impostazioni.",
    invalid: "Questo link non è valido o è scaduto. Nulla è stato modificato.",
  },
  en: {
    title: "Accord: notification e-mails",
    question: "Stop getting notifications by e-mail? You will still see them in Accord.",
    button: "No more e-mails",
    done: "Done: you no longer get notifications by e-mail. You still see them in Accord and can switch the e-mails back on in your settings.",
    invalid: "This link is not valid or has expired. Nothing was changed.",
  },
};
