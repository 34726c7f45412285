import type { EditorState } from "@tiptap/pm/state";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  addReply,
  type CommentAuthor,
  commentsOf,
  createThread,
  editReply,
  editThreadText,
  setResolved,
  ThreadData,
} from "../../shared/comments/model.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../../tests/helpers/headlessEditor.ts";
import type { AuditNote } from "../policy/Change.ts";
import type { NotificationEvent } from "./events.ts";
import { MAX_COMMENT_EVENTS, reportEdits } from "./reportEdits.ts";

const ANDREA: CommentAuthor = { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so" };
const CLAIRE: CommentAuthor = { id: "u-claire", name: "Claire Dubois", orgId: "sem" };

/** A live doc and a client's copy: what the client does is applied to the live doc as an accepted update and observed. */
function room() {
  const live = docWith([paragraph("Das Programm fördert die Integration.")]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  const events: NotificationEvent[] = [];
  const observe = reportEdits({ emit: (e) => events.push(e) });
  /** Applies what `change` did on the client to the live doc as `userId`'s update; returns the events reported. */
  const accept = (userId: string, change: (doc: Y.Doc) => unknown, audit: AuditNote[] = []) => {
    const before = Y.encodeStateVector(client);
    const produced = change(client);
    const update = produced instanceof Uint8Array ? produced : Y.encodeStateAsUpdate(client, before);
    const transactions: Y.Transaction[] = [];
    const capture = (tr: Y.Transaction) => transactions.push(tr);
    live.on("afterTransaction", capture);
    Y.applyUpdate(live, update, "remote");
    live.off("afterTransaction", capture);
    events.length = 0;
    const followUp = observe({
      documentId: "doc-1",
      userId,
      parties: ["kanton-so", "sem"],
      doc: live,
      transactions,
      audit,
    });
    expect(followUp).toBeNull();
    return [...events];
  };
  return { client, accept };
}

const anchor = (doc: Y.Doc) =>
  Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(CONTENT_FIELD), 0));
const thread = (doc: Y.Doc, author: CommentAuthor, mentions: string[] = [], id = "t-1") =>
  createThread(doc, {
    author,
    text: "Bitte @Claire prüfen",
    quote: "Programm",
    anchorStart: anchor(doc),
    anchorEnd: anchor(doc),
    mentions,
    id,
  });
const endOfFirstParagraph = (state: EditorState) => (state.doc.firstChild?.nodeSize ?? 2) - 1;

describe("reportEdits", () => {
  it("reports a new thread with its mentions, and no participants", () => {
    const { accept } = room();
    expect(accept(ANDREA.id, (doc) => void thread(doc, ANDREA, [CLAIRE.id, "u-nobody"]))).toEqual([
      {
        kind: "comment",
        documentId: "doc-1",
        actorId: ANDREA.id,
        threadId: "t-1",
        replyId: null,
        mentions: [CLAIRE.id, "u-nobody"],
        created: true,
        text: "Bitte @Claire prüfen",
        participants: [],
      },
    ]);
  });

  it("reports a new reply with the thread's author and earlier repliers as participants", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA));
    accept(CLAIRE.id, (doc) => void addReply(doc, "t-1", CLAIRE, "Erste Antwort"));
    let replyId = "";
    const events = accept(ANDREA.id, (doc) => {
      replyId = addReply(doc, "t-1", ANDREA, "Zweite Antwort @Marco", ["u-marco"]);
    });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "comment",
        threadId: "t-1",
        replyId,
        mentions: ["u-marco"],
        created: true,
        participants: [ANDREA.id, CLAIRE.id],
      }),
    ]);
  });

  it("reports an edit that sets mentions, on a thread or a reply, as not created", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA));
    let replyId = "";
    accept(CLAIRE.id, (doc) => {
      replyId = addReply(doc, "t-1", CLAIRE, "Antwort");
    });
    expect(accept(ANDREA.id, (doc) => editThreadText(doc, "t-1", "Neu @Claire", [CLAIRE.id]))).toEqual([
      expect.objectContaining({
        kind: "comment",
        replyId: null,
        mentions: [CLAIRE.id],
        created: false,
        text: "Neu @Claire",
      }),
    ]);
    expect(accept(CLAIRE.id, (doc) => editReply(doc, "t-1", replyId, "Antwort @Andrea", [ANDREA.id]))).toEqual([
      expect.objectContaining({ kind: "comment", replyId, mentions: [ANDREA.id], created: false }),
    ]);
  });

  it("reports nothing for mentions written on another's comment (unchanged, or the policy had refused)", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA, [CLAIRE.id]));
    expect(accept(CLAIRE.id, (doc) => commentsOf(doc).get("t-1")?.set("mentions", [CLAIRE.id]))).toEqual([]);
  });

  it("reports nothing for a thread replaced by an identical copy in another's name", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA, [CLAIRE.id]));
    const copy = (doc: Y.Doc) => {
      const json = commentsOf(doc).get("t-1")?.toJSON() as Record<string, unknown>;
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(json)) if (key !== "replies") map.set(key, value);
      map.set("replies", new Y.Array());
      commentsOf(doc).set("t-1", map);
    };
    expect(accept(CLAIRE.id, copy)).toEqual([]);
  });

  it("reports nothing for an edit of a comment's text alone", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA));
    expect(accept(ANDREA.id, (doc) => editThreadText(doc, "t-1", "Nur der Text"))).toEqual([]);
  });

  it("reports a thread resolved and reopened as the policy noted it, with its author and repliers", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => void thread(doc, ANDREA));
    accept(CLAIRE.id, (doc) => void addReply(doc, "t-1", CLAIRE, "Antwort"));
    const note = (action: string) => [{ action, detail: { threadId: "t-1" } }];
    expect(accept(ANDREA.id, (doc) => setResolved(doc, "t-1", true, ANDREA), note("comment.resolve"))).toEqual([
      {
        kind: "resolution",
        documentId: "doc-1",
        actorId: ANDREA.id,
        threadId: "t-1",
        resolved: true,
        participants: [ANDREA.id, CLAIRE.id],
        text: "Bitte @Claire prüfen",
      },
    ]);
    expect(accept(CLAIRE.id, (doc) => setResolved(doc, "t-1", false, CLAIRE), note("comment.reopen"))).toEqual([
      expect.objectContaining({ kind: "resolution", resolved: false }),
    ]);
    // Written again as it was: the policy noted no change, so there is nothing to report.
    expect(accept(CLAIRE.id, (doc) => setResolved(doc, "t-1", false, CLAIRE))).toEqual([]);
  });

  it("reports nothing for plain text edits", () => {
    const { accept } = room();
    const editor = (doc: Y.Doc) => new HeadlessEditor(doc);
    expect(
      accept(ANDREA.id, (doc) => {
        const e = editor(doc);
        const result = e.edit((tr) => tr.insertText(" Direkt.", endOfFirstParagraph(e.state)));
        return result.ok ? result.update : null;
      }),
    ).toEqual([]);
  });

  it("counts new suggestions once: typing on in one starts none, another one counts again", () => {
    const { accept } = room();
    const suggest = (text: string, where: (state: EditorState) => number) => (doc: Y.Doc) => {
      const e = new HeadlessEditor(doc, { userId: CLAIRE.id, orgId: CLAIRE.orgId });
      const result = e.edit((tr) => tr.insertText(text, where(e.state)), true);
      return result.ok ? result.update : null;
    };
    expect(accept(CLAIRE.id, suggest(" Neu", endOfFirstParagraph))).toEqual([
      { kind: "suggestions", documentId: "doc-1", actorId: CLAIRE.id, count: 1 },
    ]);
    expect(accept(CLAIRE.id, suggest("er", endOfFirstParagraph))).toEqual([]);
    expect(
      accept(
        CLAIRE.id,
        suggest("Vorne ", () => 1),
      ),
    ).toEqual([{ kind: "suggestions", documentId: "doc-1", actorId: CLAIRE.id, count: 1 }]);
  });

  it("counts a suggested deletion", () => {
    const { accept } = room();
    const events = accept(CLAIRE.id, (doc) => {
      const e = new HeadlessEditor(doc, { userId: CLAIRE.id, orgId: CLAIRE.orgId });
      const result = e.edit((tr) => tr.delete(1, 5), true);
      return result.ok ? result.update : null;
    });
    expect(events).toEqual([{ kind: "suggestions", documentId: "doc-1", actorId: CLAIRE.id, count: 1 }]);
  });

  it("does not count a suggestion mark that names another author", () => {
    const { accept } = room();
    const forged = makeSuggestionId({ userId: ANDREA.id, orgId: ANDREA.orgId }, Date.now(), "forged00");
    const events = accept(CLAIRE.id, (doc) => {
      const e = new HeadlessEditor(doc);
      const result = e.edit((tr) => tr.insertText("X", 1).addMark(1, 2, schema.mark("insertion", { id: forged })));
      return result.ok ? result.update : null;
    });
    expect(events).toEqual([]);
  });
  it("reads a thread once per update, however many of its replies the update touches", () => {
    const { accept } = room();
    accept(ANDREA.id, (doc) => {
      thread(doc, ANDREA);
      for (let i = 0; i < 50; i++) addReply(doc, "t-1", ANDREA, `Antwort ${i}`, [CLAIRE.id]);
    });
    // Claire writes every reply's mentions again as they were: a no-op the policy lets through,
    // but one touch of the thread per reply for the reporter.
    const parse = vi.spyOn(ThreadData, "safeParse");
    try {
      const events = accept(CLAIRE.id, (doc) => {
        const replies = commentsOf(doc).get("t-1")?.get("replies") as Y.Array<Y.Map<unknown>>;
        doc.transact(() => {
          for (const reply of replies) reply.set("mentions", [CLAIRE.id]);
        });
      });
      expect(events).toEqual([]);
      expect(parse.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      parse.mockRestore();
    }
  });
  it("reports at most MAX_COMMENT_EVENTS comments of one update, however many threads it opens", () => {
    const { accept } = room();
    // One WebSocket message (4 MiB) holds thousands of threads, each mentioning 20 members:
    // without a bound, one message is tens of thousands of inbox entries and mail lines.
    const events = accept(ANDREA.id, (doc) =>
      doc.transact(() => {
        for (let i = 0; i < MAX_COMMENT_EVENTS * 3; i++) thread(doc, ANDREA, [CLAIRE.id], `t-${i}`);
      }),
    );
    expect(events.length).toBe(MAX_COMMENT_EVENTS);
    expect(events.every((e) => e.kind === "comment")).toBe(true);
  });
});
