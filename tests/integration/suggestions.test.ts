import { applySuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { listSuggestions } from "../../shared/suggestions/list.ts";
import { endOfFirstParagraph, HeadlessEditor, schema } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const CLAIRE = { userId: "u-claire", orgId: "sem" };
const ANDREA = { userId: "u-andrea", orgId: "kanton-so" };

describe("suggestions on the raw protocol", async () => {
  const server = await startTestServer();
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const andrea = await login(server.url, "andrea.meier@so.ch");

  /** A stock client of `cookie` on `doc`, synced, with a headless editor on its Y.Doc. */
  async function open(cookie: string, doc: string, author?: { userId: string; orgId: string }) {
    const client = connectClient(server.url, doc, cookie, { reconnect: false });
    await client.synced;
    return { client, editor: new HeadlessEditor(client.doc, author) };
  }

  it("refuses a suggester's direct edit with 4422 and leaves the document unchanged", async () => {
    const { client, editor } = await open(claire, CONCEPT, CLAIRE);
    const before = textOf(client.doc);
    editor.edit((tr) => tr.insertText("Direkt geändert", endOfFirstParagraph(editor)));
    expect((await client.closed).code).toBe(CloseCode.UpdateRefused);
    const fresh = await open(lukas, CONCEPT);
    expect(textOf(fresh.client.doc)).toBe(before);
  });

  it("refuses a suggestion forged under another person's name", async () => {
    const { client, editor } = await open(claire, CONCEPT, CLAIRE);
    const forged = makeSuggestionId({ userId: "u-lukas", orgId: "kanton-so" }, Date.now(), "f0f0f0f0");
    const at = endOfFirstParagraph(editor);
    editor.edit((tr) => tr.insertText("Gefälscht", at).addMark(at, at + 9, schema.mark("insertion", { id: forged })));
    expect((await client.closed).code).toBe(CloseCode.UpdateRefused);
  });

  it("accepts the suggester's suggestion and shows it to the editor, attributed to her", async () => {
    const watcher = await open(lukas, CONCEPT);
    const { editor } = await open(claire, CONCEPT, CLAIRE);
    expect(editor.edit((tr) => tr.insertText(" Vorschlag SEM", endOfFirstParagraph(editor)), true).ok).toBe(true);
    await eventually(() => textOf(watcher.client.doc).includes("Vorschlag SEM"), "the suggestion at the editor");
    const [suggestion] = listSuggestions(new HeadlessEditor(watcher.client.doc).state.doc);
    expect(suggestion).toMatchObject({ inserted: " Vorschlag SEM", origin: { userId: "u-claire", orgId: "sem" } });
  });

  it("in an agreement, refuses the canton accepting the canton's suggestion and lets SEM accept it", async () => {
    const owner = await open(andrea, AGREEMENT, ANDREA);
    expect(owner.editor.edit((tr) => tr.insertText(" (Kanton)", endOfFirstParagraph(owner.editor)), true).ok).toBe(
      true,
    );
    const colleague = await open(lukas, AGREEMENT);
    await eventually(() => textOf(colleague.client.doc).includes("(Kanton)"), "the suggestion at the colleague");
    const [suggestion] = listSuggestions(colleague.editor.state.doc);
    colleague.editor.command(applySuggestion(suggestion?.id ?? ""));
    expect((await colleague.client.closed).code).toBe(CloseCode.UpdateRefused);

    const sem = await open(claire, AGREEMENT);
    await eventually(() => textOf(sem.client.doc).includes("(Kanton)"), "the suggestion at SEM");
    sem.editor.command(applySuggestion(suggestion?.id ?? ""));
    await eventually(
      () => listSuggestions(new HeadlessEditor(owner.client.doc).state.doc).length === 0,
      "accepted at the owner",
    );
    expect(textOf(owner.client.doc)).toContain("(Kanton)");
  });
});
