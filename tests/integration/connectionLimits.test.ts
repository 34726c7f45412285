import net from "node:net";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textOf } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const DEADLINE_MS = 1000;

/** A raw TCP socket that says `sends` and, when the server ends it, what it answered and after how long. */
function tcp(port: number, send: (socket: net.Socket) => void) {
  const socket = net.connect(port, "127.0.0.1");
  const started = Date.now();
  let answer = "";
  socket.on("error", () => {});
  // Read everything, or a closed socket with unread data never reports "close".
  socket.on("data", (d) => {
    answer += d.toString("latin1");
  });
  cleanup(() => socket.destroy());
  send(socket);
  const closed = new Promise<{ answer: string; ms: number }>((resolve) =>
    socket.once("close", () => resolve({ answer, ms: Date.now() - started })),
  );
  return { socket, closed };
}

describe("connection limits", async () => {
  const server = await startTestServer({
    HANDSHAKE_TIMEOUT_MS: String(DEADLINE_MS),
    MAX_CONNECTIONS_PER_USER: "3",
    MAX_CONNECTIONS_PER_ADDRESS: "5",
  });
  const port = Number(new URL(server.url).port);
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");

  it("closes a flood of sockets that never finish the upgrade request, while a real client syncs", async () => {
    const flood = Array.from({ length: 40 }, (_, i) =>
      tcp(port, (s) => {
        if (i % 2 === 0) s.write(`GET /collab/${DOC} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`);
        else s.write("GET /col"); // not even a whole request line
      }),
    );
    const client = connectClient(server.url, DOC, andrea, { reconnect: false });
    await client.synced;
    const results = await Promise.all(flood.map((f) => f.closed));
    for (const { answer, ms } of results) {
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(ms).toBeLessThan(DEADLINE_MS + 1500);
    }
    expect(client.provider.wsconnected).toBe(true);
  });

  it("closes a socket that dribbles header lines: the deadline does not move with activity (slowloris)", async () => {
    const { socket, closed } = tcp(port, (s) => s.write(`GET /collab/${DOC} HTTP/1.1\r\n`));
    const dribble = setInterval(() => socket.writable && socket.write("X-Slow: 1\r\n"), 100);
    cleanup(() => clearInterval(dribble));
    const { ms } = await closed;
    expect(ms).toBeLessThan(DEADLINE_MS + 1500);
  });

  it("closes a socket that connects and says nothing", async () => {
    const { ms } = await tcp(port, () => {}).closed;
    expect(ms).toBeLessThan(DEADLINE_MS + 1500);
  });

  it("closes an upgraded socket that never starts the sync handshake with 4408", async () => {
    const silent = rawSocket(server.url, DOC, claire);
    await silent.opened;
    expect((await silent.closed).code).toBe(CloseCode.HandshakeTimeout);
  });

  it("keeps a synced connection open past the deadline: it applies to the HTTP request only", async () => {
    const writer = connectClient(server.url, DOC, andrea, { reconnect: false });
    const reader = connectClient(server.url, DOC, lukas, { reconnect: false });
    await Promise.all([writer.synced, reader.synced]);
    await new Promise((r) => setTimeout(r, DEADLINE_MS * 2));
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Nach der Frist.")]);
    writer.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await eventually(() => textOf(reader.doc).includes("Nach der Frist."), "the edit to arrive");
  });
});

/** Whether an upgrade to the collab endpoint is accepted ("opened") or refused (its HTTP status). */
async function upgrade(url: string, cookie: string): Promise<"opened" | number> {
  const socket = rawSocket(url, DOC, cookie);
  const outcome = await Promise.race([socket.opened.then(() => "opened" as const), socket.refused]);
  socket.ws.terminate();
  return outcome;
}

// Each cap gets a fresh server: connections closed by an earlier test leave the count
// only once the server has seen them close.
describe("per-user connection cap", async () => {
  const server = await startTestServer({ MAX_CONNECTIONS_PER_USER: "3" });
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");

  it("refuses a fourth connection of one user with 429, while another user still connects and syncs", async () => {
    const own = Array.from({ length: 3 }, () => connectClient(server.url, DOC, lukas, { reconnect: false }));
    await Promise.all(own.map((c) => c.synced));
    expect(await upgrade(server.url, lukas)).toBe(429);
    const other = connectClient(server.url, DOC, claire, { reconnect: false });
    await other.synced;
    expect(other.provider.wsconnected).toBe(true);

    // A closed connection frees its place.
    own[0]?.destroy();
    const until = Date.now() + 2000;
    let outcome = await upgrade(server.url, lukas);
    while (outcome !== "opened" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
      outcome = await upgrade(server.url, lukas);
    }
    expect(outcome).toBe("opened");
  });
});

describe("per-address connection cap", async () => {
  const server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: "5" });
  const andrea = await login(server.url, "andrea.meier@so.ch");
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const claire = await login(server.url, "claire.dubois@sem.admin.ch");

  it("refuses connections beyond the per-address cap with 429, whoever signs in", async () => {
    const open = [
      ...Array.from({ length: 3 }, () => connectClient(server.url, DOC, lukas, { reconnect: false })),
      ...Array.from({ length: 2 }, () => connectClient(server.url, DOC, andrea, { reconnect: false })),
    ];
    await Promise.all(open.map((c) => c.synced));
    expect(await upgrade(server.url, claire)).toBe(429);
  });
});
