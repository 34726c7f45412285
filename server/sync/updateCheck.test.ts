import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { ProtocolError } from "./ProtocolError.ts";
import { checkUpdate } from "./updateCheck.ts";

/** A real update of a few hundred bytes: paragraphs, a map, text typed in pieces and some deletions. */
function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const content = doc.getXmlFragment("content");
  for (const text of ["Art. 1 Zweck", "Art. 2 Geltungsbereich", "Art. 3 Ziele und Massnahmen"]) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.setAttribute("align", "left");
    paragraph.insert(0, [new Y.XmlText(text)]);
    content.insert(content.length, [paragraph]);
  }
  const notes = doc.getText("notes");
  for (const word of ["Kanton ", "Solothurn ", "und ", "SEM"]) notes.insert(notes.length, word);
  notes.delete(7, 10);
  doc.getMap("meta").set("milestone", { name: "Entwurf", approvals: [1, 2, "SEM"] });
  content.delete(1, 1);
  return Y.encodeStateAsUpdate(doc);
}

function expectMalformed(update: Uint8Array): void {
  let thrown: unknown;
  try {
    checkUpdate(update);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(ProtocolError);
  expect(thrown).toMatchObject({ code: CloseCode.BadMessage });
}

describe("checkUpdate", () => {
  it("accepts a real update", () => {
    const update = realUpdate();
    expect(update.byteLength).toBeGreaterThan(200);
    expect(() => checkUpdate(update)).not.toThrow();
  });

  it("accepts the update of an empty document", () => {
    expect(() => checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).not.toThrow();
  });

  it("accepts each incremental update an editing session sends", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const text = doc.getText("notes");
    text.insert(0, "Entwurf");
    text.insert(7, " v2");
    text.delete(0, 3);
    expect(updates).toHaveLength(3);
    for (const u of updates) expect(() => checkUpdate(u)).not.toThrow();
  });

  it("rejects an empty buffer as malformed (yjs#498)", () => {
    expectMalformed(new Uint8Array());
  });

  it("rejects a single byte as malformed", () => {
    expectMalformed(new Uint8Array([0]));
  });

  it("rejects garbage as malformed (yjs#479)", () => {
    expectMalformed(new Uint8Array(Buffer.from("garbagedoc", "base64")));
  });

  it("rejects a real update cut off in the middle as malformed", () => {
    const update = realUpdate();
    expectMalformed(update.subarray(0, Math.floor(update.byteLength / 2)));
  });
});

// A hang in checkUpdate is synchronous, so no in-process timeout could ever fire: these
// properties run it in a child process that is killed when it overruns. One child checks
// all three input sets, since starting it costs more than the checking.
describe("checkUpdate never hangs and throws nothing but a 4400 ProtocolError", () => {
  const update = realUpdate();
  const prefixes = Array.from({ length: update.byteLength + 1 }, (_, n) => update.subarray(0, n));
  const randomBytes = fc.sample(fc.uint8Array({ maxLength: 512 }), 3000);
  const overwrite = fc.tuple(fc.nat({ max: update.byteLength - 1 }), fc.integer({ min: 0, max: 255 }));
  const mutants = fc.sample(
    fc.array(overwrite, { minLength: 1, maxLength: 4 }).map((changes) => {
      const mutant = update.slice();
      for (const [at, byte] of changes) mutant[at] = byte;
      return mutant;
    }),
    3000,
  );
  const outcomes: Outcome[] = [];

  beforeAll(() => {
    outcomes.push(...checkInChild([...prefixes, ...randomBytes, ...mutants]));
  }, 30_000);

  it("on every prefix of a real update", () => {
    const own = outcomes.slice(0, prefixes.length);
    expect(unexpected(prefixes, own)).toEqual([]);
    expect(own.at(-1)).toBe("ok");
  });

  it("on random bytes", () => {
    const own = outcomes.slice(prefixes.length, prefixes.length + randomBytes.length);
    expect(unexpected(randomBytes, own)).toEqual([]);
  });

  it("on real updates with a few bytes overwritten", () => {
    const own = outcomes.slice(prefixes.length + randomBytes.length);
    expect(unexpected(mutants, own)).toEqual([]);
  });
});

/** What checkUpdate did with one input: passed, threw a 4400 ProtocolError, or threw something else (described). */
type Outcome = "ok" | "malformed" | (string & {});

const CHILD_LIMIT_MS = 20_000;

const CHILD_SCRIPT = `
import { readFileSync } from "node:fs";
import { ProtocolError } from ${JSON.stringify(new URL("./ProtocolError.ts", import.meta.url).href)};
import { checkUpdate } from ${JSON.stringify(new URL("./updateCheck.ts", import.meta.url).href)};
const outcomes = JSON.parse(readFileSync(0, "utf8")).map((base64) => {
  try {
    checkUpdate(new Uint8Array(Buffer.from(base64, "base64")));
    return "ok";
  } catch (err) {
    return err instanceof ProtocolError && err.code === 4400 ? "malformed" : String(err);
  }
});
process.stdout.write(JSON.stringify(outcomes));
`;

/** Runs checkUpdate on every input in a child process that is killed after CHILD_LIMIT_MS. */
function checkInChild(inputs: readonly Uint8Array[]): Outcome[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawnSync(process.execPath, ["--import", tsx, "--input-type=module", "--eval", CHILD_SCRIPT], {
    input: JSON.stringify(inputs.map((i) => Buffer.from(i).toString("base64"))),
    encoding: "utf8",
    timeout: CHILD_LIMIT_MS,
  });
  if (child.error || child.signal) {
    throw new Error(`checkUpdate did not get through ${inputs.length} inputs in ${CHILD_LIMIT_MS} ms: it hangs`);
  }
  if (child.status !== 0) throw new Error(`the checking process failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Outcome[];
}

/** The inputs, in base64, that checkUpdate neither passed nor rejected with a 4400 ProtocolError. */
function unexpected(inputs: readonly Uint8Array[], outcomes: readonly Outcome[]) {
  expect(outcomes).toHaveLength(inputs.length);
  return inputs
    .map((input, i) => ({ input: Buffer.from(input).toString("base64"), outcome: outcomes[i] }))
    .filter(({ outcome }) => outcome !== "ok" && outcome !== "malformed");
}
