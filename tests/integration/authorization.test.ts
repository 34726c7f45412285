import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadDoc } from "../../server/sync/loadDoc.ts";
import {
  addReply,
  type CommentAuthor,
  commentsOf,
  createThread,
  deleteThread,
  editThreadText,
  setResolved,
} from "../../shared/comments/model.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import type { Role } from "../../shared/roles.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "matrix";
const USERS: Record<Role, CommentAuthor & { email: string }> = {
  owner: { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so", email: "andrea.meier@so.ch" },
  editor: { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so", email: "lukas.frei@so.ch" },
  suggester: { id: "u-claire", name: "Claire Dubois", orgId: "sem", email: "claire.dubois@sem.admin.ch" },
  commenter: { id: "u-marco", name: "Marco Rossi", orgId: "sem", email: "marco.rossi@sem.admin.ch" },
  viewer: { id: "u-viewer", name: "Vera Keller", orgId: "sem", email: "vera.keller@sem.admin.ch" },
};
const ROLES = Object.keys(USERS) as Role[];

/** The thread each user owns, created through the store before the room opens. */
const ownThread = (role: Role) => `thread-of-${role}`;

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function anyAnchor(doc: Y.Doc): Uint8Array {
  return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(firstText(doc), 0));
}

type Operation = (doc: Y.Doc, me: CommentAuthor, role: Role) => void;

/** What a user tries, through a stock y-websocket client, and which roles may do it. */
const PROTOCOL_OPERATIONS: { name: string; allowed: Role[]; run: Operation }[] = [
  { name: "edit the text", allowed: ["owner", "editor"], run: (doc) => firstText(doc).insert(0, "Geändert: ") },
  {
    name: "format the text",
    allowed: ["owner", "editor"],
    // Toggles, so that every role's attempt is a real change.
    run: (doc) => {
      const bold = (firstText(doc).toDelta() as { attributes?: { bold?: unknown } }[])[0]?.attributes?.bold;
      firstText(doc).format(0, 3, { bold: bold ? null : {} });
    },
  },
  {
    name: "create a comment thread as oneself",
    allowed: ["owner", "editor", "suggester", "commenter"],
    run: (doc, me) => {
      createThread(doc, {
        author: me,
        text: "Bitte prüfen.",
        quote: "Prog",
        anchorStart: anyAnchor(doc),
        anchorEnd: anyAnchor(doc),
      });
    },
  },
  {
    name: "create a comment under another user's name",
    allowed: [],
    run: (doc, me) => {
      const other = me.id === USERS.owner.id ? USERS.commenter : USERS.owner;
      createThread(doc, {
        author: other,
        text: "Gefälscht",
        quote: "",
        anchorStart: anyAnchor(doc),
        anchorEnd: anyAnchor(doc),
      });
    },
  },
  {
    name: "reply to another user's thread",
    allowed: ["owner", "editor", "suggester", "commenter"],
    run: (doc, me, role) => addReply(doc, ownThread(role === "owner" ? "editor" : "owner"), me, "Einverstanden."),
  },
  {
    name: "reply under another user's name",
    allowed: [],
    run: (doc, me) => addReply(doc, ownThread("owner"), me.id === USERS.editor.id ? USERS.owner : USERS.editor, "x"),
  },
  {
    name: "resolve one's own thread",
    allowed: ["owner", "editor", "suggester", "commenter"],
    run: (doc, me, role) => setResolved(doc, ownThread(role), true, me),
  },
  {
    name: "resolve another user's thread",
    allowed: ["owner", "editor"],
    run: (doc, me, role) => setResolved(doc, ownThread(role === "owner" ? "commenter" : "owner"), true, me),
  },
  {
    name: "edit one's own comment",
    allowed: ["owner", "editor", "suggester", "commenter"],
    run: (doc, _me, role) => editThreadText(doc, ownThread(role), "Präzisiert."),
  },
  {
    name: "edit another user's comment",
    allowed: [],
    run: (doc, _me, role) => editThreadText(doc, ownThread(role === "owner" ? "commenter" : "owner"), "Überschrieben"),
  },
  {
    name: "mention someone in one's own comment",
    allowed: ["owner", "editor", "suggester", "commenter"],
    run: (doc, _me, role) => editThreadText(doc, ownThread(role), "@Claire Dubois, bitte.", ["u-claire"]),
  },
  {
    // Issue 16: a mention notifies in the author's name, so only the author sets it.
    name: "change the mentions of another user's comment",
    allowed: [],
    run: (doc, me, role) =>
      commentsOf(doc)
        .get(ownThread(role === "owner" ? "commenter" : "owner"))
        // Never the ["u-claire"] that the cell above leaves: a real change for every role.
        ?.set("mentions", [USERS.viewer.id, me.id]),
  },
  {
    name: "delete another user's thread",
    allowed: [],
    run: (doc, _me, role) => deleteThread(doc, ownThread(role === "owner" ? "commenter" : "owner")),
  },
  {
    name: "write a javascript: link bypassing the editor",
    allowed: [],
    run: (doc) => firstText(doc).format(0, 4, { link: { href: " JaVaScRiPt:alert(1)" } }),
  },
  {
    name: "insert a node type outside the schema",
    allowed: [],
    run: (doc) => doc.getXmlFragment(CONTENT_FIELD).insert(0, [new Y.XmlElement("script")]),
  },
  {
    name: "write a shared type beside content and comments",
    allowed: [],
    run: (doc) => doc.getMap("extra").set("x", 1),
  },
];

describe("authorization matrix on the raw protocol", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({ ROOM_IDLE_MS: "100000" }, dataDir);
  const { store } = server;
  const db = new Database(path.join(dataDir, "accord.sqlite"));
  const { hashPassword } = await import("../../server/accounts/passwords.ts");
  await store.createUser({ ...USERS.viewer, passwordHash: await hashPassword("accord-demo-test") });
  await store.createDocument({
    id: DOC,
    title: "Matrix",
    kind: "agreement",
    ownerId: USERS.owner.id,
    crossPartyAcceptance: true,
    parties: [
      { orgId: "kanton-so", role: "canton" },
      { orgId: "sem", role: "federal" },
    ],
  });
  for (const role of ROLES) await store.setMembership({ documentId: DOC, userId: USERS[role].id, role });

  // Initial content and one thread per user, written through the store (a trusted path).
  const seed = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Programmvereinbarung KIP 3")]);
  seed.getXmlFragment(CONTENT_FIELD).insert(0, [paragraph]);
  for (const role of ROLES) {
    createThread(seed, {
      id: ownThread(role),
      author: USERS[role],
      text: `Kommentar ${role}`,
      quote: "Prog",
      anchorStart: anyAnchor(seed),
      anchorEnd: anyAnchor(seed),
    });
  }
  await store.appendUpdates([{ documentId: DOC, data: Y.encodeStateAsUpdate(seed), userId: null }]);
  const cookies = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await login(server.url, USERS[r].email)] as const)),
  ) as Record<Role, string>;

  async function storedState(): Promise<Uint8Array> {
    const doc = loadDoc(DOC, await store.loadState(DOC));
    try {
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
  const refusals = (userId: string) =>
    (
      db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'update.refused' AND user_id = ?").get(userId) as {
        n: number;
      }
    ).n;

  it.each(ROLES)("lets a %s read the document", async (role) => {
    const client = connectClient(server.url, DOC, cookies[role], { reconnect: false });
    await client.synced;
    // What the store holds, whatever the cells below (which write to it) did before.
    expect(textOf(client.doc)).toBe(textOf(loadDoc(DOC, await store.loadState(DOC))));
    expect(textOf(client.doc)).not.toBe("");
  });

  const cells = PROTOCOL_OPERATIONS.flatMap((op) =>
    ROLES.map((role) => ({ op, role, allowed: op.allowed.includes(role) })),
  );
  it.each(cells)("$op.name as $role: allowed=$allowed", async ({ op, role, allowed }) => {
    const before = await storedState();
    const refusedBefore = refusals(USERS[role].id);
    const client = connectClient(server.url, DOC, cookies[role], { reconnect: false });
    await client.synced;
    const sv = Y.encodeStateVector(client.doc);
    op.run(client.doc, USERS[role], role);
    const change = Y.encodeStateAsUpdate(client.doc, sv);
    if (allowed) {
      const observer = connectClient(server.url, DOC, cookies.owner, { reconnect: false });
      await observer.synced;
      await eventually(() => {
        const probe = new Y.Doc();
        Y.applyUpdate(probe, Y.encodeStateAsUpdate(observer.doc));
        const size = Y.encodeStateAsUpdate(probe).byteLength;
        Y.applyUpdate(probe, change);
        return Y.encodeStateAsUpdate(probe).byteLength === size;
      }, "the change to reach the server");
      observer.destroy();
    } else {
      const closed = await client.closed;
      expect(closed.code).toBe(CloseCode.UpdateRefused);
      // Nothing of it was stored, and the refusal is on record.
      expect(Buffer.from(await storedState())).toEqual(Buffer.from(before));
      await eventually(() => refusals(USERS[role].id) === refusedBefore + 1, "the refusal in the audit log");
    }
    client.destroy();
  });

  /** What a user tries over REST, and which roles may do it. */
  const REST_OPERATIONS: {
    name: string;
    allowed: Role[];
    request: () => { method: string; url: string; body?: unknown };
  }[] = [
    { name: "read the document", allowed: ROLES, request: () => ({ method: "GET", url: `/api/documents/${DOC}` }) },
    {
      name: "list the members",
      allowed: ROLES,
      request: () => ({ method: "GET", url: `/api/documents/${DOC}/members` }),
    },
    {
      name: "rename the document",
      allowed: ["owner", "editor"],
      request: () => ({ method: "PATCH", url: `/api/documents/${DOC}`, body: { title: "Matrix" } }),
    },
    {
      name: "manage members",
      allowed: ["owner"],
      request: () => ({
        method: "PUT",
        url: `/api/documents/${DOC}/members`,
        body: { userId: USERS.viewer.id, role: "viewer" },
      }),
    },
    {
      name: "read the audit log",
      allowed: ["owner"],
      request: () => ({ method: "GET", url: `/api/documents/${DOC}/audit` }),
    },
  ];
  const restCells = REST_OPERATIONS.flatMap((op) =>
    ROLES.map((role) => ({ op, role, allowed: op.allowed.includes(role) })),
  );
  it.each(restCells)("REST: $op.name as $role: allowed=$allowed", async ({ op, role, allowed }) => {
    const { method, url, body } = op.request();
    const before = await storedState();
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie: cookies[role], "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBe(allowed ? 200 : 403);
    if (!allowed) expect(Buffer.from(await storedState())).toEqual(Buffer.from(before));
  });

  it("stamps awareness with the session's identity, whatever name the client claims", async () => {
    const spoofer = connectClient(server.url, DOC, cookies.commenter, { reconnect: false });
    const watcher = connectClient(server.url, DOC, cookies.owner, { reconnect: false });
    await Promise.all([spoofer.synced, watcher.synced]);
    spoofer.provider.awareness.setLocalStateField("user", {
      id: USERS.owner.id,
      name: "Andrea Meier",
      orgId: "kanton-so",
    });
    const spooferId = spoofer.doc.clientID;
    await eventually(() => watcher.provider.awareness.getStates().has(spooferId), "the spoofer's presence");
    const seen = watcher.provider.awareness.getStates().get(spooferId) as { user: { id: string; name: string } };
    expect(seen.user).toMatchObject({ id: USERS.commenter.id, name: "Marco Rossi", orgId: "sem" });
  });
});
