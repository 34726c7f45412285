import type { notificationsDe } from "./notifications.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of notifications: mentions, the inbox, what waits per document, the e-mail settings. */
export const notificationsFr: Pick<Translation, keyof typeof notificationsDe> = {
  mentions: {
    listLabel: "Membres que vous pouvez mentionner",
    noMatch: "Aucun membre de ce nom",
    mention: "Mention de {{name}}",
    notMember: "pas notifié (pas membre)",
  },
  inbox: {
    bell_one: "{{count}} notification non lue",
    bell_many: "{{count}} notifications non lues",
    bell_other: "{{count}} notifications non lues",
    bellNone: "Notifications, aucune non lue",
    heading: "Notifications",
    empty: "Aucune notification.",
    markAll: "tout marquer comme lu",
    unread: "non lue",
    close: "Fermer",
    failed: "Les notifications n’ont pas pu être chargées.",
    system: "Accord",
    kinds: {
      mentioned: "{{actor}} vous a mentionné·e",
      reply: "{{actor}} a répondu",
      thread_resolved: "{{actor}} a clos une discussion",
      thread_reopened: "{{actor}} a rouvert une discussion",
      suggestions_one: "{{actor}} : {{count}} nouvelle suggestion",
      suggestions_many: "{{actor}} : {{count}} nouvelles suggestions",
      suggestions_other: "{{actor}} : {{count}} nouvelles suggestions",
      milestone_awaiting: "Attend votre décision : {{milestone}}",
      milestone_reached: "Jalon atteint : {{milestone}}",
      milestone_rejected: "{{actor}} a refusé : {{milestone}}",
    },
  },
  waiting: {
    label: "Vous attend",
    approval: "Approbation en attente",
    approvalHint: "Un jalon attend la décision de votre organisation.",
    replies_one: "{{count}} réponse",
    replies_many: "{{count}} réponses",
    replies_other: "{{count}} réponses",
    suggestions_one: "{{count}} nouvelle suggestion",
    suggestions_many: "{{count}} nouvelles suggestions",
    suggestions_other: "{{count}} nouvelles suggestions",
  },
  notificationSettings: {
    heading: "Notifications",
    intro:
      "La boîte de réception (la cloche en haut) affiche tout. Par e-mail, vous recevez au plus un message par document et par quart d’heure.",
    email: "Notifier aussi par e-mail",
    perKind: "Par e-mail pour",
    save: "Enregistrer les réglages",
    saved: "Les réglages sont enregistrés.",
    unavailable: "Les réglages des notifications ne sont pas disponibles pour le moment.",
    kinds: {
      mentioned: "les mentions",
      reply: "les réponses",
      thread_resolved: "les discussions closes",
      thread_reopened: "les discussions rouvertes",
      suggestions: "les nouvelles suggestions de l’autre partie",
      milestone_awaiting: "les jalons qui attendent votre décision",
      milestone_reached: "les jalons atteints",
      milestone_rejected: "les jalons refusés",
    },
  },
};
