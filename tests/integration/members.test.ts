import { describe, expect, it } from "vitest";
import { type ErrorBody, Member, MemberCandidate } from "../../shared/api/schemas.ts";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { type Fetcher, sessionFetch } from "../helpers/api.ts";
import { inProcessApp } from "../helpers/inProcessApp.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";

/** The four demo users signed in to `target`, and the member requests on the concept. */
async function membersOf(target: string | Fetcher) {
  const andrea = await login(target, "andrea.meier@so.ch");
  const lukas = await login(target, "lukas.frei@so.ch");
  const claire = await login(target, "claire.dubois@sem.admin.ch");
  const marco = await login(target, "marco.rossi@sem.admin.ch");
  const call = sessionFetch(target);
  const put = (cookie: string, userId: string, role: string) =>
    call(cookie, "PUT", `/api/documents/${DOC}/members`, { userId, role });
  const remove = (cookie: string, userId: string) => call(cookie, "DELETE", `/api/documents/${DOC}/members/${userId}`);
  const members = async () =>
    Member.array().parse(await (await call(andrea, "GET", `/api/documents/${DOC}/members`)).json());
  const roleOf = async (userId: string) => (await members()).find((m) => m.userId === userId)?.role ?? null;
  return { andrea, lukas, claire, marco, call, put, remove, roleOf };
}
const errorOf = async (res: Response) => (await res.json()) as ErrorBody;

// In-process (createApp and app.request, no port): managing members is plain REST.
describe("members", async () => {
  const app = await inProcessApp();
  const { andrea, lukas, claire, marco, call, put, remove, roleOf } = await membersOf(app.request);

  it("lists the members with e-mail, name, organisation and role to any member, owners first", async () => {
    const res = await call(marco, "GET", `/api/documents/${DOC}/members`);
    expect(res.status).toBe(200);
    const list = Member.array().parse(await res.json());
    expect(list[0]).toEqual({
      userId: "u-andrea",
      email: "andrea.meier@so.ch",
      name: "Andrea Meier",
      orgId: "kanton-so",
      role: "owner",
    });
    expect(list.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        ["lukas.frei@so.ch", "editor"],
        ["claire.dubois@sem.admin.ch", "suggester"],
        ["marco.rossi@sem.admin.ch", "commenter"],
      ]),
    );
  });

  it("lets an owner remove a SEM member, add her again from the candidates and change her role", async () => {
    const noticed = app.notices.length;
    expect((await remove(andrea, "u-claire")).status).toBe(204);
    expect(await roleOf("u-claire")).toBeNull();
    expect((await call(claire, "GET", `/api/documents/${DOC}`)).status).toBe(403);

    const added = await put(andrea, "u-claire", "viewer");
    expect(added.status).toBe(200);
    expect(
      Member.array()
        .parse(await added.json())
        .find((m) => m.userId === "u-claire"),
    ).toMatchObject({
      orgId: "sem",
      role: "viewer",
    });
    expect((await put(andrea, "u-claire", "suggester")).status).toBe(200);
    expect(await roleOf("u-claire")).toBe("suggester");
    expect((await call(claire, "GET", `/api/documents/${DOC}`)).status).toBe(200);
    // The removal and the role change renewed Claire's open connections, no one else's (an addition has none).
    expect(app.notices.slice(noticed)).toEqual([`access ${DOC} u-claire`, `access ${DOC} u-claire`]);
  });

  it("refuses member management to everyone but owners with 403, changing nothing", async () => {
    const noticed = app.notices.length;
    for (const cookie of [lukas, claire, marco]) {
      const res = await put(cookie, "u-marco", "editor");
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("forbidden");
      expect((await remove(cookie, "u-marco")).status).toBe(403);
    }
    expect(await roleOf("u-marco")).toBe("commenter");
    expect(app.notices.slice(noticed)).toEqual([]);
  });

  it("answers 404 for removing a non-member", async () => {
    expect((await remove(andrea, "u-nobody")).status).toBe(404);
  });

  it.each([
    ["an unknown role", { userId: "u-lukas", role: "admin" }],
    ["no role", { userId: "u-lukas" }],
    ["no user", { role: "editor" }],
    ["an e-mail instead of a user (the free e-mail field is gone)", { email: "lukas.frei@so.ch", role: "editor" }],
  ])("answers 400 bad_request to %s", async (_, body) => {
    const res = await call(andrea, "PUT", `/api/documents/${DOC}/members`, body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("bad_request");
  });

  it("keeps the last owner: neither removed nor demoted (409 last_owner)", async () => {
    const removed = await remove(andrea, "u-andrea");
    expect(removed.status).toBe(409);
    expect((await errorOf(removed)).code).toBe("last_owner");
    const demoted = await put(andrea, "u-andrea", "editor");
    expect(demoted.status).toBe(409);
    expect((await errorOf(demoted)).code).toBe("last_owner");
    expect(await roleOf("u-andrea")).toBe("owner");
  });

  it("lets one of two owners step down", async () => {
    expect((await put(andrea, "u-lukas", "owner")).status).toBe(200);
    expect((await put(andrea, "u-andrea", "editor")).status).toBe(200);
    expect((await remove(lukas, "u-lukas")).status).toBe(409);
    expect((await put(lukas, "u-andrea", "owner")).status).toBe(200);
    expect((await put(andrea, "u-lukas", "editor")).status).toBe(200);
    expect(await roleOf("u-lukas")).toBe("editor");
  });
});

// Adding members picks from the directory of the document's party organisations (issue 13),
// on both stores (the directory is a query of each).
async function candidateSuite(env: Record<string, string>) {
  const app = await inProcessApp(env);
  await addPeople(app.store, PEOPLE.sara, PEOPLE.nina, PEOPLE.beat);
  const retired = { id: "u-retired", email: "old@so.ch", name: "Alt Ruth", orgId: "kanton-so" };
  await addPeople(app.store, retired);
  await app.store.deactivateUser(retired.id, new Date());
  const { andrea, lukas, claire, call, put, roleOf } = await membersOf(app.request);
  const beat = await login(app.request, PEOPLE.beat.email);
  const candidates = (cookie: string, doc = DOC) => call(cookie, "GET", `/api/documents/${doc}/candidates`);

  it("lists to an owner the active users of the party organisations who are not members, by name", async () => {
    const res = await candidates(andrea);
    expect(res.status).toBe(200);
    // Solothurn and the SEM only: not Bern's Beat, not the deactivated Ruth, not the four members
    // (the demo's administrator, Sandra Keller, is SEM staff).
    expect(MemberCandidate.array().parse(await res.json())).toEqual([
      { id: "u-nina", name: "Nina Weber", email: "nina.weber@sem.admin.ch", orgId: "sem" },
      { id: "u-admin", name: "Sandra Keller", email: "sandra.keller@sem.admin.ch", orgId: "sem" },
      { id: "u-sara", name: "Sara Graf", email: "sara.graf@so.ch", orgId: "kanton-so" },
    ]);
  });

  it("refuses the candidates to members who are not owners (403) and to non-members (403)", async () => {
    for (const cookie of [lukas, claire, beat]) {
      const res = await candidates(cookie);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("forbidden");
    }
  });

  it("adds a candidate, who then is no candidate any more", async () => {
    expect((await put(andrea, "u-sara", "viewer")).status).toBe(200);
    expect(await roleOf("u-sara")).toBe("viewer");
    const left = MemberCandidate.array().parse(await (await candidates(andrea)).json());
    expect(left.map((c) => c.id)).toEqual(["u-nina", "u-admin"]);
  });

  it("refuses a user of another organisation, a deactivated one and an unknown id alike (404), storing nothing", async () => {
    const noticed = app.notices.length;
    const answers = [];
    for (const userId of ["u-beat", retired.id, "u-nobody"]) {
      const res = await put(andrea, userId, "editor");
      answers.push([res.status, await errorOf(res)]);
      expect(await roleOf(userId)).toBeNull();
    }
    // One answer for all three: the owner learns nothing about accounts outside the parties.
    expect(answers).toEqual(Array(3).fill([404, { code: "not_found", message: "candidate not found" }]));
    expect(app.notices.slice(noticed)).toEqual([]);
    const audit = await (await call(andrea, "GET", `/api/documents/${DOC}/audit`)).json();
    expect(JSON.stringify(audit)).not.toContain("u-beat");
  });
}

describe("member candidates on SQLite", () => candidateSuite({}));

const describeOnPostgres = await describeNeeding("postgres");
describeOnPostgres("member candidates on PostgreSQL", async () => {
  const { url } = await freshSchema("accord_candidates");
  await candidateSuite({ DATABASE_URL: url });
});

// Over the wire: what a change of membership does to open WebSockets.
describe("members' open connections", async () => {
  const server = await startTestServer();
  const { andrea, lukas, claire, marco, put, remove } = await membersOf(server.url);

  it("closes the open connection of a member whose role changed with 4409 within a second, and only theirs", async () => {
    const client = connectClient(server.url, DOC, lukas, { reconnect: false });
    const bystander = connectClient(server.url, DOC, marco, { reconnect: false });
    await Promise.all([client.synced, bystander.synced]);
    const started = Date.now();
    expect((await put(andrea, "u-lukas", "commenter")).status).toBe(200);
    expect((await client.closed).code).toBe(CloseCode.RenewConnection);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(bystander.provider.wsconnected).toBe(true);

    // Reconnecting works, with the new role.
    const again = connectClient(server.url, DOC, lukas, { reconnect: false });
    await again.synced;
    await put(andrea, "u-lukas", "editor");
    expect((await again.closed).code).toBe(CloseCode.RenewConnection);
  });

  it("closes the connection of a removed member, who then cannot reconnect (4403)", async () => {
    const client = connectClient(server.url, DOC, marco, { reconnect: false });
    await client.synced;
    expect((await remove(andrea, "u-marco")).status).toBe(204);
    expect((await client.closed).code).toBe(CloseCode.RenewConnection);
    const refused = connectClient(server.url, DOC, marco, { reconnect: false });
    expect((await refused.closed).code).toBe(CloseCode.Forbidden);
    await put(andrea, "u-marco", "commenter");
  });

  it("leaves connections alone when the role set is the one the member already has", async () => {
    const client = connectClient(server.url, DOC, claire, { reconnect: false });
    await client.synced;
    expect((await put(andrea, "u-claire", "suggester")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(client.provider.wsconnected).toBe(true);
  });
});
