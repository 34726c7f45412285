import { describe, expect, it } from "vitest";
import { insertMention, matchingMembers, mentionedIds, mentionQuery, textPieces } from "./mentions.ts";

const claire = { userId: "u-claire", name: "Claire Dubois" };
const lukas = { userId: "u-lukas", name: "Lukas Frei" };
const marco = { userId: "u-marco", name: "Marco Rossi" };
const members = [claire, lukas, marco];

describe("mentionQuery", () => {
  it("finds the name typed after an @ at the start or after a space, up to the caret", () => {
    expect(mentionQuery("@Cl", 3)).toEqual({ start: 0, query: "Cl" });
    expect(mentionQuery("Bitte @Claire Du", 16)).toEqual({ start: 6, query: "Claire Du" });
    expect(mentionQuery("Bitte @", 7)).toEqual({ start: 6, query: "" });
  });

  it("finds none inside an e-mail address, after a third word, or when the caret is elsewhere", () => {
    expect(mentionQuery("claire@sem", 10)).toBeNull();
    expect(mentionQuery("@Claire Dubois bitte", 20)).toBeNull();
    expect(mentionQuery("@Cl und so", 10)).toBeNull();
    expect(mentionQuery("@Cl und", 2)).toEqual({ start: 0, query: "C" });
  });
});

describe("matchingMembers", () => {
  it("matches the start of the name or of a word, ignoring case and accents", () => {
    expect(matchingMembers(members, "cl")).toEqual([claire]);
    expect(matchingMembers(members, "FREI")).toEqual([lukas]);
    expect(matchingMembers([{ userId: "u-e", name: "Élodie Roux" }], "elo")).toHaveLength(1);
    expect(matchingMembers(members, "")).toEqual([claire, lukas, marco]);
    expect(matchingMembers(members, "x")).toEqual([]);
  });
});

describe("insertMention and mentionedIds", () => {
  it("replaces the query by the full name and records the ids whose name is still in the text", () => {
    const at = mentionQuery("Bitte @Cl prüfen", 9);
    if (!at) throw new Error("no query");
    const done = insertMention("Bitte @Cl prüfen", at, 9, claire.name);
    expect(done).toEqual({ text: "Bitte @Claire Dubois prüfen", caret: 21 });
    expect(mentionedIds(done.text, [claire, lukas])).toEqual(["u-claire"]);
    expect(mentionedIds("Bitte @Claire prüfen", [claire])).toEqual([]);
    expect(mentionedIds("@Claire Duboisette", [claire])).toEqual([]);
    expect(mentionedIds("@Claire Dubois und @Claire Dubois", [claire, claire])).toEqual(["u-claire"]);
  });
});

describe("textPieces", () => {
  it("highlights members' mentions and marks those of non-members as not notified", () => {
    const { pieces, unmatched } = textPieces("@Claire Dubois und @Beat Huber, bitte", ["u-claire", "u-beat"], members);
    expect(pieces).toEqual([
      { kind: "member", text: "@Claire Dubois", userId: "u-claire" },
      { kind: "text", text: " und " },
      { kind: "notMember", text: "@Beat Huber" },
      { kind: "text", text: ", bitte" },
    ]);
    expect(unmatched).toBe(0);
  });

  it("leaves an @Name that was typed but not chosen as plain text, and counts ids without a name", () => {
    expect(textPieces("@Lukas Frei schaut", [], members).pieces).toEqual([
      { kind: "text", text: "@Lukas Frei schaut" },
    ]);
    expect(textPieces("ohne Namen", ["u-gone"], members)).toEqual({
      pieces: [{ kind: "text", text: "ohne Namen" }],
      unmatched: 1,
    });
  });
});
