import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { binaryFrame, LastFrame } from "./wsFrame.ts";

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/**
 * A ws server that, once a client is upgraded, writes `write(socket, ws)` straight to the
 * upgraded socket (as collabSocket does); resolves with what a stock ws client received.
 */
async function roundTrip(count: number, write: (socket: Duplex, ws: WebSocket) => void): Promise<Buffer[]> {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const http = createServer();
  http.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => write(socket, ws)));
  servers.push(http, wss);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  servers.push({ close: () => client.terminate() });
  const got: Buffer[] = [];
  return new Promise((resolve, reject) => {
    client.on("error", reject);
    client.on("message", (data: Buffer, isBinary) => {
      if (!isBinary) reject(new Error("text frame"));
      got.push(data);
      if (got.length === count) resolve(got);
    });
  });
}

describe("binaryFrame", () => {
  it("frames payloads of every length class so that a ws client reads them back unchanged, in order", async () => {
    const payloads = [0, 1, 125, 126, 65_535, 65_536, 200_000].map((n) =>
      Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff),
    );
    const got = await roundTrip(payloads.length, (socket) => {
      for (const p of payloads) socket.write(binaryFrame(p));
    });
    expect(got.map((b) => b.length)).toEqual(payloads.map((p) => p.length));
    for (const [i, b] of got.entries()) expect(new Uint8Array(b)).toEqual(payloads[i]);
  });

  it("keeps order with what ws itself sends on the same socket", async () => {
    const got = await roundTrip(3, (socket, ws) => {
      socket.write(binaryFrame(Uint8Array.from([1])));
      ws.send(Uint8Array.from([2]));
      socket.write(binaryFrame(Uint8Array.from([3])));
    });
    expect(got.map((b) => [...b])).toEqual([[1], [2], [3]]);
  });

  it("sends a payload that is a view into a larger buffer from its own offset", async () => {
    const whole = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    const [got] = await roundTrip(1, (socket) => socket.write(binaryFrame(whole.subarray(2, 5))));
    expect([...(got ?? [])]).toEqual([1, 2, 3]);
  });
});

describe("LastFrame", () => {
  it("frames a broadcast once, and a new frame anew even with the same bytes", () => {
    const cache = new LastFrame();
    const a = Uint8Array.from([1, 2]);
    const first = cache.framedOf(a);
    expect(cache.framedOf(a)).toBe(first);
    const b = Uint8Array.from([1, 2]);
    const second = cache.framedOf(b);
    expect(second).not.toBe(first);
    expect([...second]).toEqual([0x82, 2, 1, 2]);
  });
});
