import net from "node:net";
import { describe, expect, it } from "vitest";
import { rawSocket } from "../helpers/rawSocket.ts";
import { DEMO_PASSWORD, login, startTestServer } from "../helpers/server.ts";
import { connectClient } from "../helpers/yClient.ts";

describe("web security", async () => {
  const server = await startTestServer({
    ALLOWED_ORIGINS: "https://intranet.so.ch",
    LOGIN_MAX_FAILURES_PER_EMAIL: "3",
    MAX_CONNECTIONS_PER_USER: "3",
    HANDSHAKE_TIMEOUT_MS: "800",
  });
  const andrea = await login(server.url, "andrea.meier@so.ch");

  const rename = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/documents/kip3-konzept-so`, {
      method: "PATCH",
      headers: { cookie: andrea, "content-type": "text/plain", ...headers },
      body: JSON.stringify({ title: "Umbenannt" }),
    });

  it("refuses a state-changing request from a foreign origin (CSRF), whatever its content type", async () => {
    expect((await rename({ origin: "https://evil.example" })).status).toBe(403);
    expect((await rename({ "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("accepts it from the same origin, a listed origin, or a client that is not a browser", async () => {
    expect((await rename({ origin: server.url.replace("127.0.0.1", "127.0.0.1") })).status).toBe(200);
    expect((await rename({ origin: "https://intranet.so.ch" })).status).toBe(200);
    expect((await rename({})).status).toBe(200);
  });

  it("limits failed sign-ins per e-mail with 429 and Retry-After", async () => {
    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "marco.rossi@sem.admin.ch", password }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt("falsch")).status).toBe(401);
    const limited = await attempt(DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe("too_many_attempts");
  });

  it("allows a WebSocket from a listed origin and refuses other foreign ones", async () => {
    const { default: WebSocket } = await import("ws");
    const status = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/kip3-konzept-so`, {
          headers: { cookie: andrea, origin },
        });
        ws.on("error", () => {});
        ws.once("open", () => {
          ws.terminate();
          resolve(101);
        });
        ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      });
    expect(await status("https://intranet.so.ch")).toBe(101);
    expect(await status("https://evil.example")).toBe(403);
  });

  it("caps connections per user with 429 while another user still connects", async () => {
    const lukas = await login(server.url, "lukas.frei@so.ch");
    const sockets = Array.from({ length: 3 }, () => rawSocket(server.url, "kip3-konzept-so", lukas));
    await Promise.all(sockets.map((s) => s.opened));
    expect(await rawSocket(server.url, "kip3-konzept-so", lukas).refused).toBe(429);
    const other = connectClient(server.url, "kip3-konzept-so", andrea);
    await other.synced;
  });

  it("drops sockets that never finish the upgrade request, and those that never start syncing", async () => {
    const { port } = new URL(server.url);
    const half = Array.from({ length: 10 }, () => {
      const s = net.connect(Number(port), "127.0.0.1");
      s.on("error", () => {});
      s.write("GET /collab/kip3-konzept-so HTTP/1.1\r\nHost: x\r\n"); // never finished
      return new Promise<void>((resolve) => s.once("close", () => resolve()));
    });
    const silent = rawSocket(server.url, "kip3-konzept-so", andrea); // opens, never sends sync step 1
    await Promise.all(half);
    expect((await silent.closed).code).toBe(4408);
  });
});
