import { describe, expect, it } from "vitest";
import type { NotificationRow } from "../../server/store/ports/NotificationStore.ts";
import { apiClient } from "../helpers/api.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

// Concept: Andrea (canton, owner), Lukas (canton, editor), Claire (SEM, suggester), Marco (SEM, commenter).
// Agreement: Andrea (canton, owner), Lukas (canton, editor), Claire (SEM, editor), Marco (SEM, viewer).
// Nina (SEM) is added as an editor of the concept: she may edit, but decides nothing for the canton.
const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";
const [ANDREA, LUKAS, CLAIRE, MARCO, SANDRA] = ["u-andrea", "u-lukas", "u-claire", "u-marco", "u-admin"];
const NINA = PEOPLE.nina.id;

describe("milestone notifications", async () => {
  const server = await startTestServer();
  await addPeople(server.store, PEOPLE.nina);
  await server.store.setMembership({ documentId: CONCEPT, userId: NINA, role: "editor" });
  const api = apiClient(server.url);
  const cookies: Record<string, string> = {
    [ANDREA]: await login(server.url, "andrea.meier@so.ch"),
    [LUKAS]: await login(server.url, "lukas.frei@so.ch"),
    [CLAIRE]: await login(server.url, "claire.dubois@sem.admin.ch"),
  };
  const call = <T>(method: string, path: string, userId: string, json?: unknown) =>
    api<T>(method, `/api${path}`, { cookie: cookies[userId] ?? "", json });

  /** Andrea requests the document's next milestone (open items and failing checks frozen with it). */
  async function request(documentId: string): Promise<string> {
    const res = await call<{ id: string }>("POST", `/documents/${documentId}/milestones`, ANDREA, {
      includeOpen: true,
      override: "Für den Test",
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const decide = async (versionId: string, userId: string, decision: Record<string, unknown>) =>
    expect((await call("POST", `/versions/${versionId}/approvals`, userId, decision)).status).toBe(201);

  /** A user's entries about one version, oldest first, reduced to what a test compares. */
  const about = async (userId: string, versionId: string) =>
    (await server.store.listNotifications(userId, 500))
      .filter((n: NotificationRow) => n.detail.versionId === versionId)
      .map((n) => ({ kind: n.kind, actorId: n.actorId, ...n.detail }))
      .reverse();
  const kindsFor = async (versionId: string, userIds: string[]) =>
    Object.fromEntries(
      await Promise.all(userIds.map(async (id) => [id, (await about(id, versionId)).map((n) => n.kind)])),
    );

  it("tells exactly the canton's other owners and editors of a canton milestone, then everyone it was reached", async () => {
    const versionId = await request(CONCEPT);
    await expect
      .poll(() => about(LUKAS, versionId))
      .toEqual([
        {
          kind: "milestone_awaiting",
          actorId: ANDREA,
          versionId,
          milestone: "konzept-entwurf",
          threadId: null,
          replyId: null,
          excerpt: "Konzept: Entwurf bereit zur Eingabe",
        },
      ]);
    // The requester, the SEM (no decision of theirs is needed, not even from its editor) and non-members are not asked.
    expect(await kindsFor(versionId, [ANDREA, CLAIRE, MARCO, NINA, SANDRA])).toEqual({
      [ANDREA]: [],
      [CLAIRE]: [],
      [MARCO]: [],
      [NINA]: [],
      [SANDRA]: [],
    });
    await decide(versionId, LUKAS, { decision: "approve" });
    await expect.poll(() => about(ANDREA, versionId)).toHaveLength(1);
    expect(await kindsFor(versionId, [ANDREA, LUKAS, CLAIRE, MARCO, NINA, SANDRA])).toEqual({
      [ANDREA]: ["milestone_reached"],
      [LUKAS]: ["milestone_awaiting"],
      [CLAIRE]: ["milestone_reached"],
      [MARCO]: ["milestone_reached"],
      [NINA]: ["milestone_reached"],
      [SANDRA]: [],
    });
    expect((await about(MARCO, versionId))[0]).toMatchObject({ actorId: LUKAS, reason: null });
  });

  it("asks the deciders of both parties, nobody anew on one party's approval, and tells a rejection with who and why", async () => {
    const versionId = await request(AGREEMENT);
    await expect.poll(() => about(CLAIRE, versionId)).toHaveLength(1);
    // Both required organisations' owners and editors but the requester; not the SEM's viewer.
    expect(await kindsFor(versionId, [ANDREA, LUKAS, CLAIRE, MARCO, SANDRA])).toEqual({
      [ANDREA]: [],
      [LUKAS]: ["milestone_awaiting"],
      [CLAIRE]: ["milestone_awaiting"],
      [MARCO]: [],
      [SANDRA]: [],
    });
    await decide(versionId, LUKAS, { decision: "approve" });
    await decide(versionId, CLAIRE, { decision: "reject", reason: "Ziffer 4 ist noch offen.\n\nBitte klären." });
    await expect.poll(() => about(MARCO, versionId)).toHaveLength(1);
    expect(await about(ANDREA, versionId)).toEqual([
      {
        kind: "milestone_rejected",
        actorId: CLAIRE,
        versionId,
        milestone: "pv-bereinigt",
        threadId: null,
        replyId: null,
        excerpt: "Ziffer 4 ist noch offen. Bitte klären.",
        reason: "Ziffer 4 ist noch offen. Bitte klären.",
      },
    ]);
    // The canton's approval left it pending: nothing new for anyone then.
    expect(await kindsFor(versionId, [ANDREA, LUKAS, CLAIRE, MARCO, SANDRA])).toEqual({
      [ANDREA]: ["milestone_rejected"],
      [LUKAS]: ["milestone_awaiting", "milestone_rejected"],
      [CLAIRE]: ["milestone_awaiting"],
      [MARCO]: ["milestone_rejected"],
      [SANDRA]: [],
    });
  });

  it("notifies nobody of a refused request or decision", async () => {
    // Lukas is no owner and cannot request; Claire, the concept's suggester, cannot decide.
    const refused = await call("POST", `/documents/${CONCEPT}/milestones`, LUKAS, { includeOpen: true });
    expect(refused.status).toBe(403);
    const versionId = await request(CONCEPT);
    await expect.poll(() => about(LUKAS, versionId)).toHaveLength(1);
    expect((await call("POST", `/versions/${versionId}/approvals`, CLAIRE, { decision: "approve" })).status).toBe(403);
    await decide(versionId, LUKAS, {
      decision: "approve",
      details: { rrbNumber: "RRB 2026/1", rrbDate: "2026-11-30" },
    });
    await expect.poll(() => about(ANDREA, versionId)).toHaveLength(1);
    // One awaiting entry (for Lukas) and one reached entry each for the four others: no more.
    const all = await Promise.all(
      [ANDREA, LUKAS, CLAIRE, MARCO, NINA].map((id) => server.store.listNotifications(id, 500)),
    );
    expect(
      all
        .flat()
        .filter((n) => n.detail.versionId === versionId)
        .map((n) => n.kind)
        .sort(),
    ).toEqual([
      "milestone_awaiting",
      "milestone_reached",
      "milestone_reached",
      "milestone_reached",
      "milestone_reached",
    ]);
  });
});
