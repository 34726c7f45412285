import i18next from "i18next";
import { describe, expect, it } from "vitest";
import type { NotificationItem } from "../../../../shared/api/notifications.ts";
import { de } from "../../i18n/de.ts";
import { notificationExcerpt, notificationRoute, notificationTitle } from "./notificationText.ts";

const item = (over: Partial<NotificationItem>): NotificationItem => ({
  id: "1",
  kind: "mentioned",
  documentId: "d",
  documentTitle: "Programmkonzept",
  actor: { id: "u-andrea", name: "Andrea Meier" },
  target: { documentId: "d", threadId: null, versionId: null },
  excerpt: "",
  milestone: null,
  count: 1,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  readAt: null,
  ...over,
});

describe("notificationTitle", async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { de: { translation: de } }, lng: "de", interpolation: { escapeValue: false } });
  const t = instance.t;

  it("says who did what, counting grouped suggestions and naming milestones in the UI's words", () => {
    expect(notificationTitle(t, item({}))).toBe("Andrea Meier hat Sie erwähnt");
    expect(notificationTitle(t, item({ kind: "suggestions", count: 3 }))).toBe("Andrea Meier: 3 neue Vorschläge");
    expect(
      notificationTitle(
        t,
        item({ kind: "milestone_reached", actor: null, milestone: "konzept-entwurf", excerpt: "x" }),
      ),
    ).toBe("Meilenstein erreicht: Konzept: Entwurf bereit zur Eingabe");
  });
});

describe("notificationRoute and notificationExcerpt", () => {
  it("leads to the thread, else the version, else the document", () => {
    const target = { documentId: "d", threadId: "t", versionId: "v" };
    expect(notificationRoute(item({ target }))).toEqual({ page: "document", documentId: "d", threadId: "t" });
    expect(notificationRoute(item({ target: { ...target, threadId: null } }))).toEqual({
      page: "document",
      documentId: "d",
      versionId: "v",
    });
    expect(notificationRoute(item({}))).toEqual({ page: "document", documentId: "d" });
  });

  it("shows a comment's words and a rejection's reason, not a milestone's label twice", () => {
    expect(notificationExcerpt(item({ excerpt: "Bitte prüfen" }))).toBe("Bitte prüfen");
    expect(notificationExcerpt(item({ kind: "milestone_awaiting", excerpt: "Konzept: Entwurf" }))).toBe("");
    expect(notificationExcerpt(item({ kind: "milestone_rejected", excerpt: "Ziffer 4 fehlt" }))).toBe("Ziffer 4 fehlt");
  });
});
