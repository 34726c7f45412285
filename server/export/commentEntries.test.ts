import { describe, expect, it } from "vitest";
import type { ExportThread } from "./changes.ts";
import { threadEntries } from "./commentEntries.ts";

const thread = (overrides: Partial<ExportThread> = {}): ExportThread => ({
  id: "t1",
  author: "Claire Dubois",
  at: "2026-06-30T22:30:00.000Z",
  text: "Bitte prüfen.",
  quote: "Sprachförderung",
  resolved: false,
  replies: [],
  range: { from: 3, to: 18 },
  ...overrides,
});

describe("threadEntries", () => {
  it("numbers the threads, dates them in Swiss time and says which are done", () => {
    const entries = threadEntries([
      thread(),
      thread({
        resolved: true,
        replies: [{ id: "r", author: "Andrea Meier", at: "2026-12-31T23:59:00.000Z", text: "Ja." }],
      }),
    ]);
    expect(entries).toEqual([
      {
        title: "Kommentar 1",
        passage: "Zur Stelle: «Sprachförderung»",
        comments: [{ byline: "Claire Dubois, 01.07.2026, 00:30", lines: ["Bitte prüfen."] }],
      },
      {
        title: "Kommentar 2 – erledigt",
        passage: "Zur Stelle: «Sprachförderung»",
        comments: [
          { byline: "Claire Dubois, 01.07.2026, 00:30", lines: ["Bitte prüfen."] },
          { byline: "Antwort von Andrea Meier, 01.01.2027, 00:59", lines: ["Ja."] },
        ],
      },
    ]);
  });

  it("names a passage no longer in the text, and a thread on no passage", () => {
    expect(threadEntries([thread({ range: undefined })])[0]?.passage).toBe(
      "Zur Stelle (nicht mehr im Text): «Sprachförderung»",
    );
    expect(threadEntries([thread({ quote: " \u200B " })])[0]?.passage).toBe("Zum Dokument");
  });

  it("keeps every value a person supplied on its own line, and a time that is none as typed", () => {
    const [entry] = threadEntries([
      thread({
        author: "Mallory\nAntwort von Andrea Meier",
        at: "gestern\u2028Antwort",
        quote: "a\r\nb",
        text: "eins\r\n\r\nzwei\u2028drei\u202Evier\n   ",
      }),
    ]);
    expect(entry?.passage).toBe("Zur Stelle: «a b»");
    expect(entry?.comments).toEqual([
      { byline: "Mallory Antwort von Andrea Meier, gestern Antwort", lines: ["eins", "zwei", "drei vier"] },
    ]);
  });
});
