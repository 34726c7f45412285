import { describe, expect, it } from "vitest";
import type { NameLookup, UserRow } from "../store/ports/AccountStore.ts";
import type { NotificationRow } from "../store/ports/NotificationStore.ts";
import { digestItems } from "./digestLines.ts";

const names: NameLookup = {
  findUserById: async (id) => (id === "u-claire" ? ({ id, name: "Claire Dubois" } as UserRow) : null),
  organisationName: async (id) => (id === "sem" ? "SEM" : null),
};

const row = (change: Partial<NotificationRow>): NotificationRow => ({
  id: 1,
  userId: "u-lukas",
  documentId: "kip3 konzept",
  kind: "mentioned",
  actorId: "u-claire",
  detail: {},
  groupKey: null,
  count: 1,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
  readAt: null,
  mailedAt: null,
  ...change,
});

describe("digestItems", () => {
  it("names actors and parties as they are now, labels milestones from the templates, links the place", async () => {
    const items = await digestItems(names, "https://accord.example.ch", { id: "kip3 konzept", kind: "concept" }, [
      row({ detail: { threadId: "t1", excerpt: "Bitte prüfen" } }),
      row({ kind: "suggestions", detail: { orgId: "sem" }, count: 3 }),
      row({
        kind: "milestone_rejected",
        detail: { milestone: "rrb-eingabe", versionId: "v 1", excerpt: "RRB", reason: "Budget fehlt" },
      }),
      row({ kind: "milestone_reached", actorId: null, detail: { milestone: "unknown-id" } }),
      row({ kind: "reply", actorId: "u-gone", detail: { excerpt: 42 } }),
    ]);
    expect(items.map((i) => i.line)).toEqual([
      { kind: "mentioned", actor: "Claire Dubois", party: null, count: 1, milestone: "", excerpt: "Bitte prüfen" },
      { kind: "suggestions", actor: "Claire Dubois", party: "SEM", count: 3, milestone: "", excerpt: "" },
      {
        kind: "milestone_rejected",
        actor: "Claire Dubois",
        party: null,
        count: 1,
        milestone: "Regierungsratsbeschluss (RRB) zur Programmeingabe",
        excerpt: "Budget fehlt",
      },
      { kind: "milestone_reached", actor: null, party: null, count: 1, milestone: "unknown-id", excerpt: "" },
      { kind: "reply", actor: null, party: null, count: 1, milestone: "", excerpt: "" },
    ]);
    // The thread or the version where the notification names one, else the document.
    const doc = "https://accord.example.ch/#/documents/kip3%20konzept";
    expect(items.map((i) => i.link)).toEqual([`${doc}/threads/t1`, doc, `${doc}/versions/v%201`, doc, doc]);
  });
});
