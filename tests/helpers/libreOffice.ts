import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { libreOfficeComments } from "./libreOfficeConvert.ts";

const run = promisify(execFile);
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "libreoffice", "outcomes.py");

/** One tracked change as LibreOffice lists it. */
export interface LibreOfficeRedline {
  type: string;
  author: string;
  /** Local time as LibreOffice holds it, `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
}

export interface LibreOfficeComment {
  author: string;
  content: string;
  resolved: boolean;
  date: string;
}

/** What LibreOffice reads in a file, and its text after Accept All and Reject All (its own "Text" export). */
export interface LibreOfficeOutcomes {
  redlines: LibreOfficeRedline[];
  comments: LibreOfficeComment[];
  /** The document's text as it is shown, deletions included. */
  text: string;
  accepted: string;
  rejected: string;
}

/**
 * Opens `bytes` (DOCX, ODT …) in a real LibreOffice through UNO and reads what it makes of
 * them. LibreOffice 7.4 cannot load a document with comments through UNO, so tracked changes
 * and Accept/Reject All are read from a copy without the comment anchors (outcomes.py), and the
 * comments from the ODT that `soffice --convert-to` saves of the original (DOCX only).
 */
export async function libreOfficeOutcomes(bytes: Uint8Array, extension = "docx"): Promise<LibreOfficeOutcomes> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-lo-"));
  try {
    const file = path.join(dir, `input.${extension}`);
    writeFileSync(file, bytes);
    const [{ stdout }, comments] = await Promise.all([
      run("/usr/bin/python3", [SCRIPT, file], { timeout: 120_000, maxBuffer: 64 << 20 }),
      extension === "docx" ? libreOfficeComments(bytes) : Promise.resolve([]),
    ]);
    const outcomes = JSON.parse(stdout) as Omit<LibreOfficeOutcomes, "comments">;
    return {
      ...outcomes,
      comments: comments.map((c) => ({ author: c.author, content: c.text, resolved: c.resolved, date: c.date })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
