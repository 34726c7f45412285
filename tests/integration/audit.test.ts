import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AuditRecord } from "../../shared/api/schemas.ts";
import { sessionFetch } from "../helpers/api.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";
/** A password no one has, to look for in everything the server keeps. */
const WRONG_PASSWORD = "Geheim-Falsch-7f3a9c";

describe("audit log", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");

  const call = sessionFetch(server.url);
  const audit = async (query = "", documentId = DOC) => {
    const res = await call(andrea, "GET", `/api/documents/${documentId}/audit${query}`);
    expect(res.status).toBe(200);
    return AuditRecord.array().parse(await res.json());
  };
  const failSignIn = (email: string, url = server.url) =>
    fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: WRONG_PASSWORD }),
    });

  const signIns = async (cookie: string, query = "") => {
    const res = await call(cookie, "GET", `/api/me/signins${query}`);
    expect(res.status).toBe(200);
    return AuditRecord.array().parse(await res.json());
  };

  it("shows no sign-in, failed sign-in or address in a document's audit log, not even its owner's own", async () => {
    await failSignIn("andrea.meier@so.ch");
    const res = await call(andrea, "GET", `/api/documents/${DOC}/audit`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain("auth.");
    expect(raw).not.toContain("127.0.0.1");
    expect(raw).not.toContain("address");
  });

  it("shows each user their own sign-ins with the address, and nobody else's", async () => {
    const res = await call(marco, "GET", "/api/me/signins");
    expect(res.status).toBe(200);
    const raw = await res.text();
    const entries = AuditRecord.array().parse(JSON.parse(raw));
    expect(entries.filter((e) => e.action === "auth.login").map((e) => e.userId)).toEqual(["u-marco"]);
    expect(entries[0]?.detail.address).toBe("127.0.0.1");
    expect(raw).not.toContain("u-andrea");
    expect(raw).not.toContain("u-lukas");
  });

  it("records a failed sign-in with the e-mail tried and the account as subject, shown to that account, never the password", async () => {
    expect((await failSignIn("lukas.frei@so.ch")).status).toBe(401);
    const [latest] = await signIns(lukas);
    expect(latest).toMatchObject({
      action: "auth.login_failed",
      userId: null,
      subjectId: "u-lukas",
      subjectName: "Lukas Frei",
      detail: { email: "lukas.frei@so.ch", address: "127.0.0.1" },
    });
    expect(JSON.stringify(latest)).not.toContain(WRONG_PASSWORD);
    expect(JSON.stringify(await signIns(andrea))).not.toContain("lukas.frei@so.ch");
  });

  it("answers 401 to the sign-in history without a session, and 400 to a limit out of range", async () => {
    expect((await fetch(`${server.url}/api/me/signins`)).status).toBe(401);
    expect(await signIns(andrea, "?limit=1")).toHaveLength(1);
    expect((await call(andrea, "GET", "/api/me/signins?limit=0")).status).toBe(400);
  });

  it("records membership changes with actor, member, old and new role, newest first", async () => {
    await call(andrea, "PUT", `/api/documents/${DOC}/members`, { userId: "u-marco", role: "viewer" });
    await call(andrea, "DELETE", `/api/documents/${DOC}/members/u-marco`);
    await call(andrea, "PUT", `/api/documents/${DOC}/members`, { userId: "u-marco", role: "commenter" });
    const entries = await audit("?limit=3");
    expect(entries.map((e) => [e.action, e.userName, e.subjectName, e.detail.from, e.detail.to])).toEqual([
      ["member.add", "Andrea Meier", "Marco Rossi", null, "commenter"],
      ["member.remove", "Andrea Meier", "Marco Rossi", "viewer", null],
      ["member.role", "Andrea Meier", "Marco Rossi", "commenter", "viewer"],
    ]);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  // The attack: add someone to a document of one's own, then read its audit log.
  it("never lets a member read another member's sign-ins through a document of their own", async () => {
    const created = await call(lukas, "POST", "/api/documents", { title: "Notizen Lukas", kind: "concept" });
    const { id } = (await created.json()) as { id: string };
    const added = await call(lukas, "PUT", `/api/documents/${id}/members`, { userId: "u-andrea", role: "viewer" });
    expect(added.status).toBeLessThan(300);
    await failSignIn("andrea.meier@so.ch");
    await login(server.url, "andrea.meier@so.ch");
    const res = await call(lukas, "GET", `/api/documents/${id}/audit`);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain("auth.");
    expect(raw).not.toContain("127.0.0.1");
    expect(raw).not.toContain("address");
    const entries = AuditRecord.array().parse(JSON.parse(raw));
    expect(entries.map((e) => e.action)).toEqual(["member.add"]);
  });

  it("refuses the audit log to every role but owner (403), and to strangers (401)", async () => {
    expect((await call(lukas, "GET", `/api/documents/${DOC}/audit`)).status).toBe(403);
    expect((await call(marco, "GET", `/api/documents/${DOC}/audit`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/documents/${DOC}/audit`)).status).toBe(401);
  });

  it("answers at most `limit` entries, and 400 to a limit out of range", async () => {
    const created = await call(andrea, "POST", "/api/documents", { title: "Drei Einträge", kind: "concept" });
    const { id } = (await created.json()) as { id: string };
    for (const role of ["viewer", "commenter"]) {
      await call(andrea, "PUT", `/api/documents/${id}/members`, { userId: "u-marco", role });
    }
    await call(andrea, "DELETE", `/api/documents/${id}/members/u-marco`);
    expect((await audit("", id)).map((e) => e.action)).toEqual(["member.remove", "member.role", "member.add"]);
    expect(await audit("?limit=2", id)).toHaveLength(2);
    for (const limit of ["0", "-1", "abc", "1.5", "100000"]) {
      const res = await call(andrea, "GET", `/api/documents/${DOC}/audit?limit=${limit}`);
      expect(res.status, `limit=${limit}`).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("bad_request");
    }
  });

  it("keeps no password anywhere in its data files", async () => {
    const dataDir = tempDataDir();
    const own = await startTestServer({}, dataDir);
    for (const email of ["andrea.meier@so.ch", "marco.rossi@sem.admin.ch"]) await login(own.url, email);
    for (const email of ["andrea.meier@so.ch", "nobody@so.ch"]) {
      expect((await failSignIn(email, own.url)).status).toBe(401);
    }
    await own.close();
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file));
      expect(bytes.includes(WRONG_PASSWORD), file).toBe(false);
      expect(bytes.includes("accord-demo-test"), file).toBe(false);
    }
  });
});
