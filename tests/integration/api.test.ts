import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DocumentSummary } from "../../shared/api/schemas.ts";
import { apiClient } from "../helpers/api.ts";
import { inProcessApp } from "../helpers/inProcessApp.ts";
import { login, startTestServer, tempDataDir } from "../helpers/server.ts";

const ANDREA = "andrea.meier@so.ch";
const LUKAS = "lukas.frei@so.ch";
const MARCO = "marco.rossi@sem.admin.ch";
const CONCEPT = "kip3-konzept-so";
const AGREEMENT = "kip3-vereinbarung-so";

/** The shape of every error response: exactly a code and a message. */
const errorBody = (code: string) => ({ code, message: expect.any(String) });

// In-process (createApp and app.request, no port): every request here is plain REST.
describe("REST API", async () => {
  const app = await inProcessApp({ MAX_BODY_BYTES: "2048" });
  const call = apiClient(app.request);
  const andrea = await login(app.request, ANDREA);
  const lukas = await login(app.request, LUKAS);
  const marco = await login(app.request, MARCO);

  /** Creates a document owned by `cookie`'s user and returns its id. */
  async function newDocument(cookie: string, title = "Neues Konzept"): Promise<string> {
    const created = await call("POST", "/api/documents", { cookie, json: { title, kind: "concept" } });
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  describe("signing in", () => {
    it("signs in with the right password and sets an HttpOnly, SameSite session cookie", async () => {
      const res = await call("POST", "/api/auth/login", { json: { email: ANDREA, password: "accord-demo-test" } });
      expect(res.status).toBe(200);
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^accord_session=[\w-]+;/);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
    });

    it("answers with the user and their organisation, never the password hash", async () => {
      const res = await call("POST", "/api/auth/login", { json: { email: ANDREA, password: "accord-demo-test" } });
      expect(res.body).toEqual({
        user: {
          id: "u-andrea",
          email: ANDREA,
          name: "Andrea Meier",
          orgId: "kanton-so",
          orgName: "Kanton Solothurn",
          instanceRole: null,
          language: "de",
        },
      });
      expect(res.text).not.toMatch(/scrypt|password/i);
    });

    it("accepts the e-mail in any case and with surrounding spaces", async () => {
      const res = await call("POST", "/api/auth/login", {
        json: { email: "  Andrea.Meier@SO.ch ", password: "accord-demo-test" },
      });
      expect(res.status).toBe(200);
    });

    it("answers 401 invalid_credentials to a wrong password, without a cookie", async () => {
      const res = await call("POST", "/api/auth/login", { json: { email: ANDREA, password: "accord-demo" } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody("invalid_credentials"));
      expect(res.headers.get("set-cookie")).toBeNull();
    });

    it("answers an unknown e-mail exactly as a wrong password, so accounts cannot be enumerated", async () => {
      const unknown = await call("POST", "/api/auth/login", {
        json: { email: "nobody@so.ch", password: "accord-demo-test" },
      });
      const wrong = await call("POST", "/api/auth/login", { json: { email: ANDREA, password: "wrong-password" } });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(errorBody("invalid_credentials"));
      expect(unknown.body).toEqual(wrong.body);
    });

    it("answers 400 invalid_json to a body that is not JSON", async () => {
      const res = await call("POST", "/api/auth/login", { raw: '{"email": "andrea.meier@so.ch",' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody("invalid_json"));
    });

    it("answers 400 bad_request naming the field when a field has the wrong type", async () => {
      const res = await call("POST", "/api/auth/login", { json: { email: 5 } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody("bad_request"));
      expect((res.body as { message: string }).message).toContain("email");
    });

    it("answers 413 payload_too_large to a body over MAX_BODY_BYTES", async () => {
      const res = await call("POST", "/api/auth/login", { json: { email: ANDREA, password: "x".repeat(4096) } });
      expect(res.status).toBe(413);
      expect(res.body).toEqual(errorBody("payload_too_large"));
    });
  });

  describe("the session", () => {
    it("tells a signed-in user who they are", async () => {
      const res = await call("GET", "/api/me", { cookie: marco });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: "u-marco", email: MARCO, orgId: "sem" });
      expect(res.text).not.toMatch(/scrypt|password/i);
    });

    it("describes the signed-in user's organisation, and only with a session", async () => {
      const res = await call("GET", "/api/me/organisation", { cookie: marco });
      expect(res.body).toEqual({
        id: "sem",
        kind: "federal",
        name: {
          de: "Staatssekretariat für Migration SEM",
          fr: "Secrétariat d'État aux migrations SEM",
          it: "Segreteria di Stato della migrazione SEM",
        },
        shortName: "SEM",
        colour: "#1f5fa8",
      });
      expect((await call("GET", "/api/me/organisation")).body).toEqual(errorBody("unauthorized"));
    });

    it("answers 401 unauthorized without a session cookie", async () => {
      const res = await call("GET", "/api/me");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody("unauthorized"));
    });

    it("answers 401 unauthorized to a made-up session cookie", async () => {
      const res = await call("GET", "/api/me", { cookie: "accord_session=bm90LWEtcmVhbC1zZXNzaW9uLXRva2Vu" });
      expect(res.status).toBe(401);
    });

    it("ends the session on logout, so the same cookie no longer signs anyone in", async () => {
      const cookie = await login(app.request, LUKAS);
      expect((await call("GET", "/api/me", { cookie })).status).toBe(200);
      const out = await call("POST", "/api/auth/logout", { cookie });
      expect(out.status).toBe(204);
      expect(out.headers.get("set-cookie")).toMatch(/^accord_session=;.*Max-Age=0/i);
      // and tells the sockets of that session to close (LiveSessions, on every instance).
      expect(app.notices).toContain("session-ended");
      const after = await call("GET", "/api/me", { cookie });
      expect(after.status).toBe(401);
      expect(after.body).toEqual(errorBody("unauthorized"));
    });

    it("ends only the session that logs out", async () => {
      const other = await login(app.request, LUKAS);
      await call("POST", "/api/auth/logout", { cookie: await login(app.request, LUKAS) });
      expect((await call("GET", "/api/me", { cookie: other })).status).toBe(200);
    });
  });

  describe("documents", () => {
    /** The user's role in each demo document, as listed. */
    async function demoRoles(cookie: string) {
      const res = await call("GET", "/api/documents", { cookie });
      expect(res.status).toBe(200);
      const docs = res.body as { id: string; role: string }[];
      return Object.fromEntries(docs.filter((d) => d.id === CONCEPT || d.id === AGREEMENT).map((d) => [d.id, d.role]));
    }

    it("lists both demo documents to Andrea as their owner", async () => {
      expect(await demoRoles(andrea)).toEqual({ [CONCEPT]: "owner", [AGREEMENT]: "owner" });
    });

    it("lists the demo documents to Marco as commenter on the concept and viewer on the agreement", async () => {
      expect(await demoRoles(marco)).toEqual({ [CONCEPT]: "commenter", [AGREEMENT]: "viewer" });
    });

    it("lists documents with their title, kind and timestamps", async () => {
      const res = await call("GET", "/api/documents", { cookie: marco });
      expect(res.body).toContainEqual({
        id: AGREEMENT,
        title: expect.any(String),
        kind: "agreement",
        role: "viewer",
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        crossPartyAcceptance: true,
        lock: null,
        nextMilestone: { id: "pv-bereinigt", label: "Programmvereinbarung bereinigt" },
        parties: [
          expect.objectContaining({ orgId: "kanton-so", role: "canton" }),
          expect.objectContaining({ orgId: "sem", role: "federal" }),
        ],
        final: null,
        amends: null,
        amendments: [],
        waiting: { approval: false, replies: 0, suggestions: 0 },
      });
    });

    it("lets only an owner switch cross-party acceptance, and answers 400 to an empty or unknown change", async () => {
      const byEditor = await call("PATCH", `/api/documents/${AGREEMENT}`, {
        cookie: lukas,
        json: { crossPartyAcceptance: false },
      });
      expect(byEditor.status).toBe(403);
      for (const json of [{}, { crossPartyAcceptance: "no" }, { title: "x", extra: 1 }]) {
        const res = await call("PATCH", `/api/documents/${AGREEMENT}`, { cookie: andrea, json });
        expect(res.status).toBe(400);
      }
      const off = await call("PATCH", `/api/documents/${AGREEMENT}`, {
        cookie: andrea,
        json: { crossPartyAcceptance: false },
      });
      expect(off.body).toMatchObject({ crossPartyAcceptance: false });
      const on = await call("PATCH", `/api/documents/${AGREEMENT}`, {
        cookie: andrea,
        json: { crossPartyAcceptance: true },
      });
      expect(on.body).toMatchObject({ crossPartyAcceptance: true });
    });

    it("answers 401 unauthorized to a document request without a session", async () => {
      const res = await call("GET", "/api/documents");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody("unauthorized"));
    });

    it("creates a document with 201 and makes its creator the owner", async () => {
      const res = await call("POST", "/api/documents", {
        cookie: lukas,
        json: { title: "  Programmkonzept KIP 4  ", kind: "agreement" },
      });
      expect(res.status).toBe(201);
      const created = res.body as { id: string };
      expect(created).toMatchObject({ title: "Programmkonzept KIP 4", kind: "agreement", role: "owner" });
      expect((await call("GET", `/api/documents/${created.id}`, { cookie: lukas })).body).toEqual(created);
      // The list adds what waits for the caller: nothing yet in a new document.
      expect((await call("GET", "/api/documents", { cookie: lukas })).body).toContainEqual({
        ...created,
        waiting: { approval: false, replies: 0, suggestions: 0 },
      });
    });

    it.each([
      ["an unknown kind", { title: "Memo", kind: "memo" }],
      ["no kind", { title: "Memo" }],
      ["an empty title", { title: "  ", kind: "concept" }],
    ])("refuses to create a document with %s with 400 bad_request", async (_, json) => {
      const res = await call("POST", "/api/documents", { cookie: andrea, json });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody("bad_request"));
    });

    it("opens a demo document for a member with their role", async () => {
      const res = await call("GET", `/api/documents/${CONCEPT}`, { cookie: marco });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: CONCEPT, kind: "concept", role: "commenter" });
    });

    it("names a document's parties with their organisations' looks, so the client names none itself", async () => {
      const res = await call("GET", `/api/documents/${CONCEPT}`, { cookie: marco });
      expect(DocumentSummary.parse(res.body).parties).toEqual([
        {
          orgId: "kanton-so",
          role: "canton",
          organisation: {
            id: "kanton-so",
            kind: "canton",
            name: { de: "Kanton Solothurn", fr: "Canton de Soleure", it: "Cantone di Soletta" },
            shortName: "Kanton SO",
            colour: "#c8102e",
          },
        },
        {
          orgId: "sem",
          role: "federal",
          organisation: {
            id: "sem",
            kind: "federal",
            name: {
              de: "Staatssekretariat für Migration SEM",
              fr: "Secrétariat d'État aux migrations SEM",
              it: "Segreteria di Stato della migrazione SEM",
            },
            shortName: "SEM",
            colour: "#1f5fa8",
          },
        },
      ]);
      // A new document of a Solothurn user gets Solothurn and the SEM, whoever its members are.
      const created = await newDocument(andrea);
      const own = await call("GET", `/api/documents/${created}`, { cookie: andrea });
      expect(DocumentSummary.parse(own.body).parties.map((p) => [p.orgId, p.role])).toEqual([
        ["kanton-so", "canton"],
        ["sem", "federal"],
      ]);
    });

    it("answers 403 forbidden to a user who is not a member", async () => {
      const id = await newDocument(andrea);
      const res = await call("GET", `/api/documents/${id}`, { cookie: marco });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorBody("forbidden"));
    });

    it.each([
      ["an unknown id", "no-such-document"],
      ["an id no document can have", "x".repeat(65)],
    ])("answers 404 not_found for %s", async (_, id) => {
      const res = await call("GET", `/api/documents/${id}`, { cookie: andrea });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody("not_found"));
    });

    it("lets the owner rename a document", async () => {
      const id = await newDocument(andrea, "Entwurf");
      const res = await call("PATCH", `/api/documents/${id}`, { cookie: andrea, json: { title: "Programmkonzept" } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, title: "Programmkonzept", role: "owner" });
      expect((await call("GET", `/api/documents/${id}`, { cookie: andrea })).body).toMatchObject({
        title: "Programmkonzept",
      });
    });

    it("refuses a rename by a viewer with 403 forbidden and keeps the title", async () => {
      const before = (await call("GET", `/api/documents/${AGREEMENT}`, { cookie: marco })).body;
      const res = await call("PATCH", `/api/documents/${AGREEMENT}`, { cookie: marco, json: { title: "Gekapert" } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorBody("forbidden"));
      expect((await call("GET", `/api/documents/${AGREEMENT}`, { cookie: marco })).body).toEqual(before);
    });

    it("refuses a rename by a non-member with 403 forbidden", async () => {
      const id = await newDocument(andrea);
      const res = await call("PATCH", `/api/documents/${id}`, { cookie: marco, json: { title: "Gekapert" } });
      expect(res.status).toBe(403);
    });

    it("refuses an empty title with 400 bad_request", async () => {
      const id = await newDocument(andrea);
      const res = await call("PATCH", `/api/documents/${id}`, { cookie: andrea, json: { title: "   " } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody("bad_request"));
    });
  });

  describe("errors", () => {
    it("answers 404 not_found as JSON for an unknown API endpoint", async () => {
      const res = await call("GET", "/api/whatever", { cookie: andrea });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body).toEqual(errorBody("not_found"));
    });

    it("answers 404 not_found for an unknown API endpoint without a session too", async () => {
      const res = await call("POST", "/api/whatever");
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody("not_found"));
    });

    it("answers every error as exactly { code, message }, never with a stack trace", async () => {
      const failures = await Promise.all([
        call("POST", "/api/auth/login", { raw: "{" }),
        call("POST", "/api/auth/login", { json: { email: 5 } }),
        call("POST", "/api/auth/login", { json: { email: ANDREA, password: "wrong-password" } }),
        call("POST", "/api/auth/login", { json: { password: "x".repeat(4096) } }),
        call("GET", "/api/me"),
        call("GET", `/api/documents/${AGREEMENT}`, { cookie: "accord_session=forged" }),
        call("PATCH", `/api/documents/${AGREEMENT}`, { cookie: marco, json: { title: "x" } }),
        call("PATCH", `/api/documents/${AGREEMENT}`, { cookie: andrea, json: { title: ["x"] } }),
        call("GET", "/api/documents/no-such-document", { cookie: andrea }),
        call("DELETE", "/api/whatever", { cookie: andrea }),
      ]);
      for (const res of failures) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(Object.keys(res.body as object).sort()).toEqual(["code", "message"]);
        expect(res.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node:internal|node_modules/);
      }
    });
  });
});

// Over the wire: what the Node server does with a body that announces no length.
describe("REST API over a socket", async () => {
  const server = await startTestServer({ MAX_BODY_BYTES: "2048" });

  it("answers 413 to an oversized body streamed without a content-length", async () => {
    const chunk = new TextEncoder().encode(JSON.stringify({ email: ANDREA, password: "x".repeat(4096) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const init = { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" };
    const res = await fetch(`${server.url}/api/auth/login`, init as RequestInit);
    expect(res.status).toBe(413);
  });
});

describe("logging", async () => {
  // Capture every console line the server writes; the logger is its only writer.
  const lines: string[] = [];
  const capture = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(capture),
  );
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
  });
  // A missing client build makes the server warn at start-up: proof that the capture works.
  const server = await startTestServer({ LOG_LEVEL: "debug", STATIC_DIR: path.join(tempDataDir(), "no-client") });
  const call = apiClient(server.url);

  it("never writes a session token to the log, whatever the request", async () => {
    const andrea = await login(server.url, ANDREA);
    const marco = await login(server.url, MARCO);
    await call("GET", "/api/me", { cookie: andrea });
    await call("GET", "/api/documents", { cookie: andrea });
    const created = await call("POST", "/api/documents", { cookie: andrea, json: { title: "Log", kind: "concept" } });
    const { id } = created.body as { id: string };
    await call("PATCH", `/api/documents/${id}`, { cookie: andrea, json: { title: "Log 2" } });
    await call("GET", `/api/documents/${id}`, { cookie: marco });
    await call("PATCH", `/api/documents/${AGREEMENT}`, { cookie: marco, json: { title: "x" } });
    await call("POST", "/api/documents", { cookie: marco, raw: "{" });
    await call("GET", "/api/whatever", { cookie: marco });
    await call("POST", "/api/auth/logout", { cookie: andrea });
    await call("GET", "/api/me", { cookie: andrea });

    // The capture works: it holds the start-up warning and a request's debug line.
    expect(lines).toContainEqual(expect.stringContaining("client not built"));
    for (const cookie of [andrea, marco]) {
      const token = cookie.slice(cookie.indexOf("=") + 1);
      expect(token.length).toBeGreaterThan(20);
      expect(lines.filter((line) => line.includes(token))).toEqual([]);
    }
  });
});
