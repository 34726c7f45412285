import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readDocument } from "../../server/versions/freeze.ts";
import { commentsOf, readThreads } from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

const CONCEPT = "kip3-konzept-so";
const LUKAS = { userId: "u-lukas", orgId: "kanton-so" };

/** An object with an own key `__proto__`, as a modified client sends it (JSON.parse keeps the key). */
const protoKey = (value: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as Record<string, unknown>;

function paragraphText(doc: Y.Doc): Y.XmlText {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).toArray()) {
    const text = node instanceof Y.XmlElement && node.nodeName === "paragraph" ? node.get(0) : null;
    if (text instanceof Y.XmlText && text.length > 10) return text;
  }
  throw new Error("no paragraph text");
}

function firstCell(doc: Y.Doc): Y.XmlElement<Record<string, object>> {
  for (const node of doc.getXmlFragment(CONTENT_FIELD).createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && node.nodeName === "tableCell")
      return node as unknown as Y.XmlElement<Record<string, object>>;
  }
  throw new Error("no table cell");
}

/**
 * A comment thread of Claire's in every field but the author's, which a `__proto__` entry claims is Lukas.
 * The comment rule was not fooled (zod reads inherited fields, so it saw Lukas and refused);
 * the reserved-key check refuses it before any rule reads it.
 */
function threadInLukassName(doc: Y.Doc): void {
  const thread = new Y.Map<unknown>();
  doc.transact(() => {
    const fields = {
      id: "t-forged",
      createdAt: new Date().toISOString(),
      text: "Einverstanden.",
      quote: "",
      anchorStart: new Uint8Array([0]),
      anchorEnd: new Uint8Array([0]),
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      editedAt: null,
    };
    for (const [key, value] of Object.entries(fields)) thread.set(key, value);
    thread.set("replies", new Y.Array());
    thread.set("__proto__", { authorId: "u-lukas", authorName: "Lukas Frei", orgId: "kanton-so" });
    commentsOf(doc).set("t-forged", thread);
  });
}

/** What a modified client writes with a key `__proto__`: each hid from the policy what every reader then sees. */
const ATTACKS: { name: string; as: "claire" | "lukas"; write: (doc: Y.Doc) => void }[] = [
  {
    name: "a suggester's format whose __proto__ holds a deletion suggestion in Lukas's name",
    as: "claire",
    write: (doc) =>
      paragraphText(doc).format(0, 8, protoKey({ deletion: { id: makeSuggestionId(LUKAS, Date.now(), "abcd1234") } })),
  },
  {
    name: "a suggester's untracked strike-through hidden in a __proto__ format",
    as: "claire",
    write: (doc) => paragraphText(doc).format(0, 5, protoKey({ strike: true })),
  },
  {
    name: "an editor's cell attribute __proto__ holding colspan 100000000",
    as: "lukas",
    write: (doc) => firstCell(doc).setAttribute("__proto__", { colspan: 100_000_000, colwidth: [1e9] }),
  },
  {
    name: "a format value holding an own __proto__ key",
    as: "lukas",
    write: (doc) => paragraphText(doc).format(0, 5, { strike: protoKey({ italic: true }) }),
  },
];

describe("keys named __proto__ are refused for every role", async () => {
  const server = await startTestServer();
  const cookies = {
    claire: await login(server.url, "claire.dubois@sem.admin.ch"), // suggester, SEM
    lukas: await login(server.url, "lukas.frei@so.ch"), // editor, Kanton
  };

  /** The stored log as a state vector: any stored update changes it. */
  async function storedState(): Promise<string> {
    const doc = new Y.Doc();
    const state = await server.store.loadState(CONCEPT);
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    return Buffer.from(Y.encodeStateVector(doc)).toString("base64");
  }

  /** The document as the freeze reads it (ProseMirror JSON, open suggestions and threads) and as threads. */
  const readerView = (doc: Y.Doc) => JSON.stringify({ ...readDocument(doc), threads: readThreads(doc) });

  /** Sends `write` as `as`; expects 4422, the store and a fresh reader's view unchanged. */
  async function expectRefused(as: keyof typeof cookies, write: (doc: Y.Doc) => void): Promise<void> {
    const attacker = connectClient(server.url, CONCEPT, cookies[as], { reconnect: false });
    await attacker.synced;
    const before = { stored: await storedState(), view: readerView(attacker.doc) };
    write(attacker.doc);
    expect(readerView(attacker.doc)).not.toBe(before.view); // the attack shows in any reader
    const stillOpen = new Promise<{ code: number }>((resolve) => setTimeout(() => resolve({ code: 0 }), 3000));
    expect((await Promise.race([attacker.closed, stillOpen])).code).toBe(CloseCode.UpdateRefused);

    expect(await storedState()).toBe(before.stored);
    const fresh = connectClient(server.url, CONCEPT, cookies.lukas, { reconnect: false });
    await fresh.synced;
    expect(readerView(fresh.doc)).toBe(before.view);
    expect(readDocument(fresh.doc).open.suggestions.some((s) => s.authorId === "u-lukas" && s.deleted)).toBe(false);
    for (const c of [attacker, fresh]) c.destroy();
  }

  it.each(ATTACKS)("refuses $name with 4422 and stores nothing", async ({ as, write }) => {
    await expectRefused(as, write);
  });

  it("refuses a comment thread whose __proto__ entry names Lukas as author", async () => {
    await expectRefused("claire", threadInLukassName);
  });
});
