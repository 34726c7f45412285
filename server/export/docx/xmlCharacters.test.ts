import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { readZip } from "../../archive/readZip.ts";
import type { ExportThread } from "../changes.ts";
import { exportDocument } from "../index.ts";
import { draftMeta } from "../meta.ts";

/** Every XML part of a DOCX, parsed by a conforming XML parser: the message of each that is not well-formed. */
async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const parts = await readZip(bytes, { maxEntries: 100, maxTotalBytes: 50_000_000 }, () => true);
  const problems: string[] = [];
  for (const [name, part] of parts) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    try {
      new SaxesParser({ xmlns: true }).write(new TextDecoder().decode(part)).close();
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`);
    }
  }
  return problems;
}

// U+FFFE and U+FFFF are no XML characters (XML 1.0, production Char); any member can put
// them in a comment or the text (the policy checks neither), and the docx library passes them.
const BAD = "\uFFFE\uFFFF";

describe("DOCX export of text that holds no XML characters", () => {
  const doc = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: `Vertrag${BAD} Text ` },
          { type: "text", text: `Link${BAD}`, marks: [{ type: "link", attrs: { href: "https://example.org/" } }] },
        ],
      },
    ],
  };
  const threads: ExportThread[] = [
    {
      id: "t1",
      author: `Anna${BAD} Muster`,
      at: "2026-01-01T00:00:00.000Z",
      text: `Kommentar${BAD}`,
      quote: "Vertrag",
      resolved: false,
      replies: [{ id: "r1", author: `Bea${BAD}`, at: "2026-01-01T00:00:00.000Z", text: `Antwort${BAD}` }],
      range: { from: 1, to: 8 },
    },
  ];
  // A frozen version's meta: its export's date is the freeze, so two exports are the same bytes.
  const meta = {
    ...draftMeta(`Titel${BAD}`, "d1", "Vereinbarung"),
    draft: false,
    milestone: "Entwurf bereinigt",
    versionId: "v1",
    seq: 1,
    contentHash: "a".repeat(64),
    chainHash: "b".repeat(64),
    frozenAt: "2026-01-01T00:00:00.000Z",
    frozenBy: `Cora${BAD}`,
  };

  it("writes well-formed parts (a comment with U+FFFE made Word's comments.xml unreadable), the same bytes twice", async () => {
    const once = await exportDocument("docx", doc, meta, { threads });
    expect(await malformedParts(once)).toEqual([]);
    expect(Buffer.from(await exportDocument("docx", doc, meta, { threads })).equals(Buffer.from(once))).toBe(true);
  });
});
