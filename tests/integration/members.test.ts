import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";

describe("members and audit", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");

  const call = (cookie: string, method: string, url: string, body?: unknown) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("lists the members to any member", async () => {
    const res = await call(marco, "GET", `/api/documents/${DOC}/members`);
    expect(res.status).toBe(200);
    const members = (await res.json()) as { email: string; role: string }[];
    expect(members.map((m) => [m.email, m.role])).toContainEqual(["andrea.meier@so.ch", "owner"]);
  });

  it("lets an owner add a member by e-mail, change the role and remove them", async () => {
    await call(andrea, "DELETE", `/api/documents/${DOC}/members/u-claire`);
    let res = await call(andrea, "PUT", `/api/documents/${DOC}/members`, {
      email: "claire.dubois@sem.admin.ch",
      role: "viewer",
    });
    expect(res.status).toBe(200);
    res = await call(andrea, "PUT", `/api/documents/${DOC}/members`, {
      email: "Claire.Dubois@sem.admin.ch",
      role: "suggester",
    });
    const members = (await res.json()) as { userId: string; role: string }[];
    expect(members.find((m) => m.userId === "u-claire")?.role).toBe("suggester");
  });

  it("refuses member management to non-owners with 403", async () => {
    const res = await call(lukas, "PUT", `/api/documents/${DOC}/members`, {
      email: "marco.rossi@sem.admin.ch",
      role: "editor",
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("forbidden");
  });

  it("answers 404 for an unknown e-mail and 400 for an unknown role", async () => {
    expect(
      (await call(andrea, "PUT", `/api/documents/${DOC}/members`, { email: "nobody@so.ch", role: "editor" })).status,
    ).toBe(404);
    const bad = await call(andrea, "PUT", `/api/documents/${DOC}/members`, {
      email: "lukas.frei@so.ch",
      role: "admin",
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("bad_request");
  });

  it("keeps the last owner: neither removed nor demoted (409)", async () => {
    const removed = await call(andrea, "DELETE", `/api/documents/${DOC}/members/u-andrea`);
    expect(removed.status).toBe(409);
    expect(((await removed.json()) as { code: string }).code).toBe("last_owner");
    const demoted = await call(andrea, "PUT", `/api/documents/${DOC}/members`, {
      email: "andrea.meier@so.ch",
      role: "editor",
    });
    expect(demoted.status).toBe(409);
  });

  it("closes the open connection of a member whose role changed with 4409", async () => {
    const client = connectClient(server.url, DOC, lukas, { reconnect: false });
    await client.synced;
    const started = Date.now();
    await call(andrea, "PUT", `/api/documents/${DOC}/members`, { email: "lukas.frei@so.ch", role: "commenter" });
    expect((await client.closed).code).toBe(CloseCode.PermissionsChanged);
    expect(Date.now() - started).toBeLessThan(1000);
    await call(andrea, "PUT", `/api/documents/${DOC}/members`, { email: "lukas.frei@so.ch", role: "editor" });
  });

  it("shows owners the audit log with sign-ins and membership changes, and nobody else", async () => {
    const res = await call(andrea, "GET", `/api/documents/${DOC}/audit`);
    expect(res.status).toBe(200);
    const actions = ((await res.json()) as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["member.add", "member.role", "member.remove"]));
    expect((await call(lukas, "GET", `/api/documents/${DOC}/audit`)).status).toBe(403);
  });
});
