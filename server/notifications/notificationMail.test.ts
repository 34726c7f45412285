import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "../../shared/api/notifications.ts";
import type { NotificationLine } from "../mail/catalogue.ts";
import type { Language } from "../store/ports/AccountStore.ts";
import { composeDigest, type DigestItem } from "./notificationMail.ts";

const LANGUAGES: Language[] = ["de", "fr", "it", "en"];

const line = (change: Partial<NotificationLine>): NotificationLine => ({
  kind: "mentioned",
  actor: "Andrea Meier",
  party: null,
  count: 1,
  milestone: "",
  excerpt: "",
  ...change,
});
const item = (change: Partial<NotificationLine>): DigestItem => ({
  line: line(change),
  link: "https://accord.example.ch/#/documents/kip3",
});
const values = (items: DigestItem[], change: object = {}) => ({
  name: "Lukas Frei",
  documentTitle: "KIP 3 Konzept",
  items,
  unsubscribeUrl: "https://accord.example.ch/api/notifications/unsubscribe?token=T",
  windowMinutes: 15,
  ...change,
});

describe("composeDigest", () => {
  it("tells each kind in German in a sentence of its own", () => {
    const mail = composeDigest(
      "de",
      values([
        item({ kind: "mentioned", excerpt: "Bitte Zahlen prüfen" }),
        item({ kind: "reply" }),
        item({ kind: "thread_resolved" }),
        item({ kind: "thread_reopened" }),
        item({ kind: "suggestions", party: "SEM", count: 3 }),
        item({ kind: "suggestions", party: "SEM", count: 1 }),
        item({ kind: "milestone_awaiting", milestone: "RRB", actor: null }),
        item({ kind: "milestone_reached", milestone: "RRB", actor: null }),
        item({ kind: "milestone_rejected", milestone: "RRB", actor: "Claire Dubois", excerpt: "Budget fehlt" }),
      ]),
    );
    expect(mail.subject).toBe("Accord: 9 Neuigkeiten in «KIP 3 Konzept»");
    for (const sentence of [
      "Andrea Meier hat Sie erwähnt",
      "«Bitte Zahlen prüfen»",
      "Andrea Meier hat geantwortet",
      "Andrea Meier hat einen Kommentar erledigt",
      "Andrea Meier hat einen Kommentar wieder geöffnet",
      "SEM hat 3 neue Vorschläge gemacht",
      "SEM hat einen neuen Vorschlag gemacht",
      "Meilenstein «RRB» wartet auf die Freigabe Ihrer Organisation",
      "Meilenstein «RRB» erreicht",
      "Meilenstein «RRB» abgelehnt von Claire Dubois: Budget fehlt",
      "höchstens eine solche E-Mail alle 15 Minuten",
      "Keine Benachrichtigungen mehr per E-Mail erhalten: https://accord.example.ch/api/notifications/unsubscribe?token=T",
    ]) {
      expect(mail.text).toContain(sentence);
    }
    // A rejection's reason is in its sentence, not quoted again.
    expect(mail.text).not.toContain("«Budget fehlt»");
  });

  it("has a distinct sentence for every kind in every language, and singular and plural subjects", () => {
    for (const language of LANGUAGES) {
      const sentences = new Set(
        NOTIFICATION_KINDS.map((kind) => composeDigest(language, values([item({ kind, milestone: "M" })])).text),
      );
      expect(sentences.size).toBe(NOTIFICATION_KINDS.length);
      const one = composeDigest(language, values([item({})])).subject;
      const two = composeDigest(language, values([item({}), item({})])).subject;
      expect(one).toContain("KIP 3 Konzept");
      // Italian "novità" is the same in both numbers.
      if (language !== "it") expect(one).not.toBe(two.replace("2", "1"));
    }
    expect(composeDigest("fr", values([item({})])).subject).toBe("Accord : 1 nouveauté dans « KIP 3 Konzept »");
    expect(composeDigest("en", values([item({}), item({})])).subject).toBe("Accord: 2 updates in “KIP 3 Konzept”");
  });

  it("escapes every typed value in the HTML and bounds long excerpts", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const mail = composeDigest(
      "en",
      values([item({ actor: hostile, excerpt: `${hostile}${"x".repeat(1000)}` })], { documentTitle: hostile }),
    );
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.html).toContain('href="https://accord.example.ch/#/documents/kip3"');
    expect(mail.html).toContain('href="https://accord.example.ch/api/notifications/unsubscribe?token=T"');
    expect(mail.text).not.toContain("x".repeat(400));
  });
});
