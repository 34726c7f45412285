import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

describe("collaboration endpoint", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");
  const marco = await login(server.url, "marco.rossi@sem.admin.ch");

  it("syncs a demo document to a stock y-websocket client carrying a session cookie", async () => {
    const client = connectClient(server.url, "kip3-vereinbarung-so", andrea);
    await client.synced;
    expect(textOf(client.doc)).toContain("Art. 14 Inkrafttreten und Dauer");
  });

  it("lets concurrent edits of two users converge", async () => {
    const a = connectClient(server.url, "kip3-vereinbarung-so", andrea);
    const b = connectClient(server.url, "kip3-vereinbarung-so", claire);
    await Promise.all([a.synced, b.synced]);
    for (let i = 0; i < 20; i++) {
      appendParagraph(a.doc, `Kanton ${i}`);
      appendParagraph(b.doc, `SEM ${i}`);
    }
    await eventually(() => textOf(a.doc) === textOf(b.doc) && textOf(a.doc).includes("SEM 19"), "convergence");
    expect(textOf(b.doc)).toContain("Kanton 19");
  });

  it("refuses an upgrade without a session with HTTP 401", async () => {
    const socket = rawSocket(server.url, "kip3-konzept-so", null);
    expect(await socket.refused).toBe(401);
  });

  it("refuses an upgrade with an unknown session token with HTTP 401", async () => {
    const socket = rawSocket(server.url, "kip3-konzept-so", "accord_session=forged");
    expect(await socket.refused).toBe(401);
  });

  it("closes a non-member's connection with 4403", async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      method: "POST",
      headers: { cookie: andrea, "content-type": "application/json" },
      body: JSON.stringify({ title: "Interne Notiz", kind: "concept" }),
    });
    const { id } = (await res.json()) as { id: string };
    const client = connectClient(server.url, id, marco, { reconnect: false });
    expect((await client.closed).code).toBe(CloseCode.Forbidden);
  });

  it("closes a connection to an unknown document with 4404", async () => {
    const client = connectClient(server.url, "no-such-document", andrea, { reconnect: false });
    expect((await client.closed).code).toBe(CloseCode.DocumentNotFound);
  });

  it("refuses a cross-site handshake (foreign Origin) even with a valid cookie", async () => {
    const { default: WebSocket } = await import("ws");
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/kip3-konzept-so`, {
      headers: { cookie: andrea, origin: "https://evil.example" },
    });
    ws.on("error", () => {});
    const status = await new Promise<number>((resolve) =>
      ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});
