import { describe, expect, it } from "vitest";
import { specDocx, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { readDocx } from "./index.ts";

const at = (date: string) => `w:author="Eva" w:date="${date}"`;
const ins = (id: number, text: string, date = "2024-06-01T08:00:00Z") =>
  `<w:ins w:id="${id}" ${at(date)}>${wr(text)}</w:ins>`;
const insertedMark = (id: number) => `<w:rPr><w:ins w:id="${id}" ${at("2024-06-01T08:00:00Z")}/></w:rPr>`;

const keys = async (body: string) => {
  const { revisions, doc } = await readDocx(specDocx({ body }));
  const used: string[] = [];
  const walk = (n: typeof doc) => {
    for (const m of n.marks ?? []) if (m.attrs?.id) used.push(m.attrs.id);
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return { revisions: Object.keys(revisions).sort(), used: [...new Set(used)].sort() };
};

describe("joining touching revisions of one author and time", () => {
  it("makes a new paragraph's inserted mark and its inserted text one revision", async () => {
    expect(await keys(wp(wr("Vorher"), insertedMark(1)) + wp(ins(2, "Neu")))).toEqual({
      revisions: ["w:1"],
      used: ["w:1"],
    });
  });

  it("joins touching pieces within a paragraph, not those of another time or with text between", async () => {
    expect(await keys(wp(ins(1, "a") + ins(2, "b")))).toEqual({ revisions: ["w:1"], used: ["w:1"] });
    expect(await keys(wp(ins(1, "a") + ins(2, "b", "2024-06-01T09:00:00Z")))).toEqual({
      revisions: ["w:1", "w:2"],
      used: ["w:1", "w:2"],
    });
    expect(await keys(wp(ins(1, "a") + wr("x") + ins(2, "b")))).toEqual({
      revisions: ["w:1", "w:2"],
      used: ["w:1", "w:2"],
    });
  });

  it("keeps two insertions on either side of an untouched paragraph boundary apart, and those in two cells", async () => {
    expect(await keys(wp(wr("Ende ") + ins(1, "eins")) + wp(ins(2, "zwei") + wr(" Anfang")))).toEqual({
      revisions: ["w:1", "w:2"],
      used: ["w:1", "w:2"],
    });
    const cells = `<w:tbl><w:tr><w:tc>${wp(ins(1, "eins"), "")}</w:tc><w:tc>${wp(ins(2, "zwei"))}</w:tc></w:tr></w:tbl>`;
    expect(await keys(cells)).toEqual({ revisions: ["w:1", "w:2"], used: ["w:1", "w:2"] });
  });
});
