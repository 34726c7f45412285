import { describe, expect, it } from "vitest";
import { schema } from "../../server/word/intoYDoc.ts";
import { readDocx } from "../../server/word/read/index.ts";
import { DOCX_CONTENT_TYPE } from "../../shared/api/schemas.ts";
import { launchBrowser, signedInPage } from "../helpers/browser.ts";
import { libreOfficeOutcomes } from "../helpers/libreOffice.ts";
import { convertWithLibreOffice, libreOfficeContent } from "../helpers/libreOfficeConvert.ts";
import { startTestServer } from "../helpers/server.ts";
import {
  ANNA,
  BRUNO,
  changeEnd,
  changeStart,
  comment,
  commentEnd,
  deletionAt,
  fodt,
  h,
  p,
  t,
} from "../helpers/wordFiles.ts";
import { all, first } from "../helpers/xmlTree.ts";

/** A LibreOffice-made file: an insertion by Anna, a deletion by Bruno, Anna's comment with Bruno's reply. */
const source = fodt(
  [
    h(1, "Ziele"),
    p(`Die ${changeStart("c1")}neue ${changeEnd("c1")}Regel ersetzt die ${deletionAt("c2")}Praxis.`),
    p(
      `${comment({ name: "k1", ...ANNA, text: "Bitte prüfen." })}${comment({ name: "k2", ...BRUNO, text: "Geprüft." })}` +
        `Wirkungsziel${commentEnd("k1")}${commentEnd("k2")} und Frist.`,
    ),
  ].join("\n"),
  {
    changes: [
      { id: "c1", kind: "insertion", ...ANNA },
      { id: "c2", kind: "deletion", ...BRUNO, removed: p("alte ") },
    ],
  },
);

describe("Word in and out in the browser (issue 14, Done when)", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const docx = await convertWithLibreOffice(source, "fodt", "docx");

  it("imports tracked changes by two authors and a thread, accepts one, and exports them back to Word with their authors", async () => {
    const { page } = andrea;
    await page.getByTestId("import-word").click();
    await page.getByTestId("import-file").setInputFiles({
      name: "Konzept aus Word.docx",
      mimeType: DOCX_CONTENT_TYPE,
      buffer: Buffer.from(docx),
    });
    expect(await page.getByTestId("import-title").inputValue()).toBe("Konzept aus Word");
    await page.getByTestId("import-submit").click();
    const report = page.getByTestId("import-report");
    await report.waitFor();
    expect(await page.getByTestId("report-imported").textContent()).toContain("1 nachverfolgte Einfügung");
    expect(await page.getByTestId("report-imported").textContent()).toContain("1 nachverfolgte Löschung");
    await page.getByTestId("import-open").click();
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    const documentId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/documents\//, ""));

    // The suggestions, each "in Word: …" by its author, and the thread.
    const cards = page.getByTestId("suggestion-card");
    await expect.poll(() => cards.count()).toBe(2);
    const anna = cards.filter({ hasText: `in Word: ${ANNA.author}` });
    const bruno = cards.filter({ hasText: `in Word: ${BRUNO.author}` });
    expect(await anna.count()).toBe(1);
    expect(await bruno.count()).toBe(1);
    const thread = page.getByTestId("comment-thread").filter({ hasText: "Bitte prüfen." });
    await thread.waitFor();
    expect(await thread.getByTestId("word-origin").first().textContent()).toContain(`in Word: ${ANNA.author}`);

    // Accept Anna's insertion in Accord.
    await anna.getByTestId("suggestion-accept").click();
    await expect.poll(() => cards.count()).toBe(1);

    // Export DOCX and open it in LibreOffice: Bruno's deletion and Anna's comment, by their Word authors.
    // What LibreOffice reads is taken from the ODT it saves of the file (tracked changes, comments):
    // its UNO outcomes helper loses LibreOffice 7.4 on any document with a comment. Accept All and
    // Reject All through UNO on the same export without its comments (`?comments=false`).
    const exportUrl = `/api/documents/${encodeURIComponent(documentId)}/export?format=docx`;
    const res = await page.request.get(exportUrl);
    expect(res.status()).toBe(200);
    const read = await libreOfficeContent(new Uint8Array(await res.body()));
    const changes = all(read, "text:changed-region").map((region) => [
      region.children.find((c) => c.name === "text:insertion" || c.name === "text:deletion")?.name,
      first(region, "dc:creator")?.text,
    ]);
    expect(changes).toEqual([["text:deletion", BRUNO.author]]);
    const comments = all(read, "office:annotation").map((a) => [
      first(a, "dc:creator")?.text,
      all(a, "text:p")
        .map((x) => x.text)
        .join("\n"),
    ]);
    expect(comments).toContainEqual([ANNA.author, "Bitte prüfen."]);
    expect(comments.map(([author]) => author)).toContain(BRUNO.author);

    const plain = await page.request.get(`${exportUrl}&comments=false`);
    const outcomes = await libreOfficeOutcomes(new Uint8Array(await plain.body()));
    expect(outcomes.redlines.map((r) => [r.type, r.author])).toEqual([["Delete", BRUNO.author]]);
    expect(outcomes.accepted).toContain("Die neue Regel ersetzt die Praxis.");
    expect(outcomes.rejected).toContain("Die neue Regel ersetzt die alte Praxis.");
  });

  it("takes back a Word file edited outside Accord from the versions panel as the user's suggestions", async () => {
    const { page } = andrea;
    const plain = await convertWithLibreOffice(
      fodt([p("Erster Absatz."), p("Zweiter Absatz alt.")].join("\n")),
      "fodt",
      "docx",
    );
    const created = await page.request.post("/api/documents/import?title=Rueckfuehrung&kind=concept", {
      headers: { "content-type": DOCX_CONTENT_TYPE },
      data: Buffer.from(plain),
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const version = await page.request.post(`/api/documents/${id}/milestones`, { data: {} });
    const versionId = ((await version.json()) as { id: string }).id;
    expect(
      (await page.request.post(`/api/versions/${versionId}/approvals`, { data: { decision: "approve" } })).status(),
    ).toBe(201);

    // The version's export, edited in a word processor without tracking changes.
    const exported = await page.request.get(`/api/versions/${versionId}/export?format=docx`);
    const paragraphs: string[] = [];
    schema.nodeFromJSON((await readDocx(new Uint8Array(await exported.body()))).doc).forEach((b) => {
      paragraphs.push(b.textContent);
    });
    const edited = paragraphs.map((x) => p(t(x === "Zweiter Absatz alt." ? "Zweiter Absatz neu." : x)));
    const file = await convertWithLibreOffice(fodt(edited.join("\n")), "fodt", "docx");

    await page.goto(`/#/documents/${id}`);
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await page.getByTestId("file-back").click();
    await page.getByTestId("file-back-version").selectOption(versionId);
    await page.getByTestId("file-back-file").setInputFiles({
      name: "zurueck.docx",
      mimeType: DOCX_CONTENT_TYPE,
      buffer: Buffer.from(file),
    });
    await page.getByTestId("file-back-submit").click();
    await page.getByTestId("file-back-result").waitFor();
    expect(await page.getByTestId("file-back-result").textContent()).toContain("2 Vorschläge übernommen.");
    await expect.poll(() => page.getByTestId("suggestion-card").count()).toBe(2);
    expect(await page.getByTestId("editor").locator("del[data-suggestion]").textContent()).toBe("alt");
    expect(await page.getByTestId("editor").locator("ins[data-suggestion]").textContent()).toBe("neu");
  });

  it("offers the file back only to roles that may suggest", async () => {
    const marco = await signedInPage(browser, server.url, "marco.rossi@sem.admin.ch"); // viewer of the agreement
    await marco.page.getByTestId("doc-link-kip3-vereinbarung-so").click();
    await marco.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await marco.page.getByTestId("versions-panel").waitFor();
    expect(await marco.page.getByTestId("file-back").count()).toBe(0);
    await andrea.page.goto("/#/documents/kip3-vereinbarung-so");
    await andrea.page.getByTestId("file-back").waitFor();
  });
});
