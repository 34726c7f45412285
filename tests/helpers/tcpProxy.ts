import net from "node:net";
import { cleanup } from "./cleanup.ts";

/** A TCP proxy a test can cut and restore: a network failure between a server and its Redis or PostgreSQL. */
export interface TcpProxy {
  port: number;
  /** Stops accepting and drops every open connection, as a dead link would. */
  cut(): Promise<void>;
  /** Accepts again on the same port. */
  restore(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
    );
  const port = await listen(0);
  const cut = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  };
  cleanup(() => (server.listening ? cut() : undefined));
  return {
    port,
    cut,
    restore: async () => {
      await listen(port);
    },
  };
}
