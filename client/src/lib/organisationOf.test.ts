import { describe, expect, it } from "vitest";
import { NEUTRAL_COLOUR, organisationOf } from "./organisationOf.ts";

describe("organisationOf", () => {
  const sem = { id: "sem", name: "SEM, Staatssekretariat für Migration", shortName: "SEM", colour: "#1f5fa8" };

  it("shows an organisation as the server described it", () => {
    expect(organisationOf([sem])("sem")).toEqual(sem);
  });

  it("shows an organisation the server did not name by its id, in the neutral colour", () => {
    expect(organisationOf([sem])("ge")).toEqual({ id: "ge", name: "ge", shortName: "ge", colour: NEUTRAL_COLOUR });
  });
});
