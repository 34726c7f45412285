import { describe, expect, it } from "vitest";
import { login, startTestServer } from "../helpers/server.ts";
import { appendParagraph, connectClient, eventually, textOf } from "../helpers/yClient.ts";

describe("health, readiness and metrics", async () => {
  const server = await startTestServer();
  const guarded = await startTestServer({ METRICS_TOKEN: "a-long-metrics-token-for-tests" });

  it("reports the store healthy (no Redis in the embedded default) and the server ready", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", store: true, redis: "not used" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it("counts rooms, connections and committed updates in Prometheus' format", async () => {
    const client = connectClient(server.url, "kip3-konzept-so", await login(server.url, "andrea.meier@so.ch"));
    const peer = connectClient(server.url, "kip3-konzept-so", await login(server.url, "lukas.frei@so.ch"));
    await Promise.all([client.synced, peer.synced]);
    appendParagraph(client.doc, "Gezählt.");
    await eventually(() => textOf(peer.doc).includes("Gezählt."), "the peer");
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^accord_open_rooms 1$/m);
    expect(text).toMatch(/^accord_connections 2$/m);
    expect(text).toMatch(/^accord_updates_committed_total [1-9]/m);
    expect(text).toMatch(/^accord_persist_seconds_count [1-9]/m);
    expect(text).toMatch(/^accord_refused_updates_total 0$/m);
    client.destroy();
    peer.destroy();
  });

  it("asks for the bearer token when one is configured", async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const ok = await fetch(`${guarded.url}/metrics`, {
      headers: { authorization: "Bearer a-long-metrics-token-for-tests" },
    });
    expect(ok.status).toBe(200);
  });
});
