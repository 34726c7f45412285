import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { docWith, paragraph } from "../../tests/helpers/headlessEditor.ts";
import { UpdatePolicy } from "./UpdatePolicy.ts";

const OWNER = { user: { id: "u-andrea", name: "Andrea", orgId: "kanton-so" }, role: "owner" as const };
const context = () => ({ crossPartyAcceptance: false, locked: false, final: false, parties: [], now: Date.now() });

describe("UpdatePolicy", () => {
  it("refuses, for every role, an update that would wait for missing dependencies, and keeps nothing of it", () => {
    const live = docWith([paragraph("Programmvereinbarung")]);
    const policy = new UpdatePolicy(live);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    const text = (client.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "A"); // never sent
    const seen = Y.encodeStateVector(client);
    text.insert(1, "B");
    const verdict = policy.evaluate(OWNER, Y.encodeStateAsUpdate(client, seen), context());
    expect(verdict).toMatchObject({ ok: false, missingDependencies: true });
    // The next update is judged on a shadow without the refused one.
    const honest = new Y.Doc();
    Y.applyUpdate(honest, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(honest);
    ((honest.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "C");
    expect(policy.evaluate(OWNER, Y.encodeStateAsUpdate(honest, before), context())).toMatchObject({
      ok: true,
      contentChanged: true,
    });
  });
});
