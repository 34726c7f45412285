import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Actor } from "../../server/policy/Change.ts";
import { UpdatePolicy } from "../../server/policy/UpdatePolicy.ts";
import type { Role } from "../../shared/roles.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { buildBigDocument, COMMENTERS } from "../bench/browser/bigDocument.ts";
import { paragraphAt, plainParagraphs } from "../bench/browser/remoteTypists.ts";

/** The demo concept's roles (server/seed/demo.ts): the strictest each author has in the demo. */
const ROLES: Record<string, Role> = {
  "u-andrea": "owner",
  "u-lukas": "editor",
  "u-claire": "suggester",
  "u-marco": "commenter",
};

const actorOf = (userId: string): Actor => {
  const user = COMMENTERS.find((c) => c.id === userId);
  const role = ROLES[userId];
  if (!user || !role) throw new Error(`unknown author ${userId}`);
  return { user: { id: user.id, name: user.name, orgId: user.orgId }, role };
};

describe("the browser benchmark's big document", () => {
  it("is made of changes the server's policy accepts from their authors: suggestions by the SEM's suggester, comments by each member", () => {
    const big = buildBigDocument({ copies: 2, threads: 12, suggestions: 18 });
    const live = new Y.Doc();
    Y.applyUpdate(live, big.plainUpdate);
    const policy = new UpdatePolicy(live);
    expect(big.edits.length).toBeGreaterThan(12);
    for (const edit of big.edits) {
      const verdict = policy.evaluate(actorOf(edit.userId), edit.update);
      expect(verdict.ok ? "ok" : `${edit.userId}: ${verdict.reason}`).toBe("ok");
      Y.applyUpdate(live, edit.update);
    }
    // The edits are the whole difference between the plain content and the document.
    const whole = new Y.Doc();
    Y.applyUpdate(whole, big.update);
    expect(Y.encodeStateVector(live)).toEqual(Y.encodeStateVector(whole));
    // And the remote typists' keystrokes (an editor appending to a plain paragraph) pass too.
    const typist = new Y.Doc();
    Y.applyUpdate(typist, big.update);
    const block = paragraphAt(plainParagraphs(typist), 0.5);
    const text = (typist.getXmlFragment(CONTENT_FIELD).get(block) as Y.XmlElement).get(0) as Y.XmlText;
    const keystrokes: Uint8Array[] = [];
    typist.on("update", (u: Uint8Array) => keystrokes.push(u));
    for (const key of "Ergänzung") text.insert(text.length, key, {});
    for (const update of keystrokes) {
      const verdict = policy.evaluate(actorOf("u-lukas"), update);
      expect(verdict.ok ? "ok" : verdict.reason).toBe("ok");
      Y.applyUpdate(live, update);
    }
  });
});
