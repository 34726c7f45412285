import { describe, expect, it } from "vitest";
import type { Organisation } from "../../../shared/api/schemas.ts";
import { NEUTRAL_COLOUR, organisationName, organisationOf } from "./organisationOf.ts";

const sem: Organisation = {
  id: "sem",
  kind: "federal",
  name: {
    de: "Staatssekretariat für Migration SEM",
    fr: "Secrétariat d'État aux migrations SEM",
    it: "Segreteria di Stato della migrazione SEM",
  },
  shortName: "SEM",
  colour: "#1f5fa8",
};

describe("organisationOf", () => {
  it("shows an organisation as the server described it", () => {
    expect(organisationOf([sem])("sem")).toEqual(sem);
  });

  it("prefers the first list that names an organisation (a document's parties before the directory)", () => {
    const renamed = { ...sem, shortName: "SEM (alt)" };
    expect(organisationOf([renamed], [sem])("sem").shortName).toBe("SEM (alt)");
  });

  it("shows an organisation the server did not name by its id, in the neutral colour", () => {
    expect(organisationOf([sem])("ge")).toMatchObject({ id: "ge", shortName: "ge", colour: NEUTRAL_COLOUR });
  });
});

describe("organisationName", () => {
  it("names the organisation in German, French or Italian, and in German for an English UI", () => {
    expect(["de", "fr", "it", "en", "fr-CH"].map((l) => organisationName(sem, l))).toEqual([
      sem.name.de,
      sem.name.fr,
      sem.name.it,
      sem.name.de,
      sem.name.fr,
    ]);
  });
});
