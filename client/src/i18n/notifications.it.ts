import type { notificationsDe } from "./notifications.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of notifications: mentions, the inbox, what waits per document, the e-mail settings. */
export const notificationsIt: Pick<Translation, keyof typeof notificationsDe> = {
  mentions: {
    listLabel: "Membri che può menzionare",
    noMatch: "Nessun membro con questo nome",
    mention: "Menzione di {{name}}",
    notMember: "non notificato (non membro)",
  },
  inbox: {
    bell_one: "{{count}} notifica non letta",
    bell_many: "{{count}} notifiche non lette",
    bell_other: "{{count}} notifiche non lette",
    bellNone: "Notifiche, nessuna non letta",
    heading: "Notifiche",
    empty: "Nessuna notifica.",
    markAll: "segna tutte come lette",
    unread: "non letta",
    close: "Chiudi",
    failed: "Non è stato possibile caricare le notifiche.",
    system: "Accord",
    kinds: {
      mentioned: "{{actor}} l’ha menzionata",
      reply: "{{actor}} ha risposto",
      thread_resolved: "{{actor}} ha chiuso una discussione",
      thread_reopened: "{{actor}} ha riaperto una discussione",
      suggestions_one: "{{actor}}: {{count}} nuova proposta",
      suggestions_many: "{{actor}}: {{count}} nuove proposte",
      suggestions_other: "{{actor}}: {{count}} nuove proposte",
      milestone_awaiting: "Attende la sua decisione: {{milestone}}",
      milestone_reached: "Tappa raggiunta: {{milestone}}",
      milestone_rejected: "{{actor}} ha respinto: {{milestone}}",
    },
  },
  waiting: {
    label: "La attende",
    approval: "Approvazione in sospeso",
    approvalHint: "Una tappa attende la decisione della sua organizzazione.",
    replies_one: "{{count}} risposta",
    replies_many: "{{count}} risposte",
    replies_other: "{{count}} risposte",
    suggestions_one: "{{count}} nuova proposta",
    suggestions_many: "{{count}} nuove proposte",
    suggestions_other: "{{count}} nuove proposte",
  },
  notificationSettings: {
    heading: "Notifiche",
    intro:
      "Nella casella (la campanella in alto) appare tutto. Per e-mail riceve al massimo un messaggio per documento e quarto d’ora.",
    email: "Notificare anche per e-mail",
    perKind: "Per e-mail in caso di",
    save: "Salva le impostazioni",
    saved: "Le impostazioni sono salvate.",
    unavailable: "Le impostazioni delle notifiche non sono al momento disponibili.",
    kinds: {
      mentioned: "menzioni",
      reply: "risposte",
      thread_resolved: "discussioni chiuse",
      thread_reopened: "discussioni riaperte",
      suggestions: "nuove proposte dell’altra parte",
      milestone_awaiting: "tappe che attendono la sua decisione",
      milestone_reached: "tappe raggiunte",
      milestone_rejected: "tappe respinte",
    },
  },
};
