import { afterEach, describe, expect, it, vi } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode } from "../../../shared/protocol/closeCodes.ts";
import { ConnectionMonitor, type NetworkSignal } from "./ConnectionMonitor.ts";

/** A network whose online state the test switches. */
class FakeNetwork extends EventTarget implements NetworkSignal {
  onLine = true;
  set(onLine: boolean): void {
    this.onLine = onLine;
    this.dispatchEvent(new Event(onLine ? "online" : "offline"));
  }
}

// Node 20 has no WebSocket; with `connect: false` (and connect() stubbed) the provider never builds one.
const NeverOpened = EventTarget as unknown as typeof WebSocket;

const closeEvent = (code: number) => Object.assign(new Event("close"), { code, reason: "", wasClean: false });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A real provider that never opens a socket; the test plays the server's part through its events. */
function setup() {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider("ws://test.invalid/collab", "doc", ydoc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: NeverOpened,
  });
  const replay = { name: "indexeddb" };
  const network = new FakeNetwork();
  const monitor = new ConnectionMonitor(provider, ydoc, [replay], network);
  cleanups.push(() => {
    monitor.destroy();
    provider.destroy();
    ydoc.destroy();
  });
  const connect = () => {
    provider.wsconnected = true;
    provider.emit("status", [{ status: "connected" }]);
    provider.synced = true;
  };
  const drop = (code: number) => {
    provider.emit("connection-close", [closeEvent(code), provider]);
    provider.wsconnected = false;
    provider.synced = false;
    provider.emit("status", [{ status: "disconnected" }]);
  };
  const edit = (origin: unknown = null) => ydoc.transact(() => ydoc.getText("t").insert(0, "x"), origin);
  return { ydoc, provider, monitor, network, replay, connect, drop, edit };
}

describe("ConnectionMonitor", () => {
  it("is connecting until the first sync, then connected", () => {
    const { monitor, connect } = setup();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "connecting", everSynced: false });
    connect();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "connected", everSynced: true, pending: 0 });
  });

  it("counts local edits made while not synced and turns offline", () => {
    const { monitor, connect, drop, edit } = setup();
    connect();
    edit();
    expect(monitor.getSnapshot().pending).toBe(0);
    drop(1006);
    edit();
    edit();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "offline", pending: 2 });
  });

  it("does not count updates from the server or from the offline copy", () => {
    const { monitor, provider, replay, edit } = setup();
    edit(provider);
    edit(replay);
    expect(monitor.getSnapshot()).toMatchObject({ phase: "connecting", pending: 0 });
  });

  it("resets the count after the next sync", () => {
    const { monitor, connect, drop, edit } = setup();
    connect();
    drop(CloseCode.ServerRestarting);
    edit();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "offline", lastCloseCode: 1012 });
    connect();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "connected", pending: 0, lastCloseCode: null });
  });

  it("stops for good on a final close code", async () => {
    const { monitor, provider, drop } = setup();
    provider.shouldConnect = true;
    drop(CloseCode.Forbidden);
    await Promise.resolve();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "offline", finalCode: 4403 });
    expect(provider.shouldConnect).toBe(false);
  });

  it("keeps reconnecting after 4409 (permissions changed)", async () => {
    const { monitor, provider, drop } = setup();
    provider.shouldConnect = true;
    drop(CloseCode.RenewConnection);
    await Promise.resolve();
    expect(monitor.getSnapshot()).toMatchObject({ phase: "connecting", finalCode: null });
    expect(provider.shouldConnect).toBe(true);
  });

  it("reports a refused attempt (1006 before sync) but not a dropped synced connection", () => {
    const { monitor, connect, drop } = setup();
    let refused = 0;
    monitor.onRefused(() => refused++);
    drop(1006);
    expect(refused).toBe(1);
    connect();
    drop(1006);
    expect(refused).toBe(1);
  });

  it("goes offline with the browser and reconnects when it is back", () => {
    const { monitor, provider, network, connect } = setup();
    connect();
    network.set(false);
    expect(provider.shouldConnect).toBe(false);
    expect(monitor.getSnapshot().phase).toBe("offline");
    const connectCalled = vi.spyOn(provider, "connect").mockImplementation(() => undefined);
    network.set(true);
    expect(connectCalled).toHaveBeenCalledOnce();
  });
});
