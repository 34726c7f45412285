import { applySuggestions, revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { listSuggestions } from "../../shared/suggestions/list.ts";
import { endOfFirstParagraph, HeadlessEditor, schema } from "../helpers/headlessEditor.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const CLAIRE = { userId: "u-claire", orgId: "sem" };

/** Where `text` starts in the document, as a ProseMirror position. */
function positionOf(editor: HeadlessEditor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text?.indexOf(text) ?? -1;
    if (i >= 0) found = pos + i;
    return false;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

describe("undo of accepted and rejected suggestions on the raw protocol", async () => {
  const server = await startTestServer();
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");

  /** A stock client of `cookie`, synced, with a headless editor and an undo manager as the editor's. */
  async function open(cookie: string, author?: { userId: string; orgId: string }) {
    const client = connectClient(server.url, CONCEPT, cookie, { reconnect: false });
    await client.synced;
    // Tracks the client's own transactions only (origin null), as y-tiptap's undo does.
    const undo = new Y.UndoManager(client.doc.getXmlFragment(CONTENT_FIELD));
    return { client, editor: new HeadlessEditor(client.doc, author), undo };
  }

  /** Claire suggests an insertion and a deletion; resolves once `at` shows both. */
  async function claireSuggests(marker: string, at: { editor: HeadlessEditor; client: { doc: Y.Doc } }) {
    const sem = await open(claire, CLAIRE);
    const end = endOfFirstParagraph(sem.editor);
    // A deletion of existing text (the paragraph's last characters but one) and an insertion after it.
    expect(sem.editor.edit((tr) => tr.delete(end - 4, end - 1), true).ok).toBe(true);
    expect(sem.editor.edit((tr) => tr.insertText(` ${marker}`, endOfFirstParagraph(sem.editor)), true).ok).toBe(true);
    await eventually(() => textOf(at.client.doc).includes(marker), "Claire's suggestions");
    const mine = listSuggestions(new HeadlessEditor(at.client.doc).state.doc).filter(
      (s) => s.origin?.userId === CLAIRE.userId,
    );
    expect(mine.length).toBeGreaterThanOrEqual(2);
    sem.client.destroy();
    return mine;
  }

  const suggestionsAt = (doc: Y.Doc) => listSuggestions(new HeadlessEditor(doc).state.doc);

  it("lets the owner undo accept-all: the suggestions come back, as Claire's, for everyone", async () => {
    const owner = await open(andrea);
    const watcher = await open(lukas);
    const before = await claireSuggests("Rückgängig-A", owner);
    const ids = suggestionsAt(owner.client.doc).map((s) => s.id);
    owner.undo.clear();
    owner.editor.command(applySuggestions);
    await eventually(() => suggestionsAt(watcher.client.doc).length === 0, "accept-all at the watcher");
    owner.undo.undo();
    await eventually(() => suggestionsAt(watcher.client.doc).length === ids.length, "the suggestions back");
    const back = suggestionsAt(watcher.client.doc);
    expect(back.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const s of before)
      expect(back.find((b) => b.id === s.id)).toMatchObject({
        inserted: s.inserted,
        deleted: s.deleted,
        origin: s.origin,
      });
    // The owner's connection was not refused: it is still open and still in sync.
    expect(owner.client.provider.wsconnected).toBe(true);
    owner.editor.command(applySuggestions); // tidy up for the next test
    await eventually(() => suggestionsAt(watcher.client.doc).length === 0, "accepted again");
  });

  it("lets the owner undo reject-all in the same way", async () => {
    const owner = await open(andrea);
    const watcher = await open(lukas);
    await claireSuggests("Rückgängig-R", owner);
    const ids = suggestionsAt(owner.client.doc).map((s) => s.id);
    owner.undo.clear();
    owner.editor.command(revertSuggestions);
    await eventually(() => !textOf(watcher.client.doc).includes("Rückgängig-R"), "reject-all at the watcher");
    owner.undo.undo();
    await eventually(() => suggestionsAt(watcher.client.doc).length === ids.length, "the suggestions back");
    expect(
      suggestionsAt(watcher.client.doc)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(owner.client.provider.wsconnected).toBe(true);
    owner.editor.command(applySuggestions);
    await eventually(() => suggestionsAt(watcher.client.doc).length === 0, "accepted at last");
  });

  describe("the attacker's side", () => {
    /** Andrea accepted Claire's insertion of `marker` a moment ago; returns its id. */
    async function acceptedByAndrea(marker: string) {
      const owner = await open(andrea);
      const sem = await open(claire, CLAIRE);
      expect(sem.editor.edit((tr) => tr.insertText(` ${marker}`, endOfFirstParagraph(sem.editor)), true).ok).toBe(true);
      await eventually(() => textOf(owner.client.doc).includes(marker), "Claire's insertion at Andrea");
      const id = suggestionsAt(owner.client.doc).find((s) => s.inserted.includes(marker))?.id ?? "";
      owner.editor.command(applySuggestions);
      await eventually(() => suggestionsAt(sem.client.doc).length === 0, "the accept at Claire");
      return id;
    }

    /** Marks `text` (as it now stands) as an insertion with `id`, as an undo of its accept would. */
    const remark = (editor: HeadlessEditor, text: string, id: string) => {
      const at = positionOf(editor, text);
      return editor.edit((tr) => tr.addMark(at, at + text.length, schema.mark("insertion", { id })));
    };

    async function expectNothingStored() {
      const fresh = await open(lukas);
      expect(suggestionsAt(fresh.client.doc)).toEqual([]);
    }

    it("refuses another editor bringing back, unchanged, the suggestion Andrea accepted (4422)", async () => {
      const id = await acceptedByAndrea("Angriff-L");
      const other = await open(lukas);
      expect(remark(other.editor, " Angriff-L", id).ok).toBe(true);
      expect((await other.client.closed).code).toBe(CloseCode.UpdateRefused);
      await expectNothingStored();
    });

    it("refuses Andrea bringing back the suggestion she accepted with other text (4422)", async () => {
      const id = await acceptedByAndrea("Angriff-T");
      const owner = await open(andrea);
      expect(remark(owner.editor, " Angriff", id).ok).toBe(true); // a shorter text than she accepted
      expect((await owner.client.closed).code).toBe(CloseCode.UpdateRefused);
      await expectNothingStored();
    });

    it("refuses Andrea making a new suggestion in Claire's name she never decided (4422)", async () => {
      await acceptedByAndrea("Angriff-N");
      const owner = await open(andrea);
      const forged = makeSuggestionId(CLAIRE, Date.now(), "f0f0f0f0");
      expect(remark(owner.editor, " Angriff-N", forged).ok).toBe(true);
      expect((await owner.client.closed).code).toBe(CloseCode.UpdateRefused);
      await expectNothingStored();
    });
  });
});
