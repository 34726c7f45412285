import { isIP } from "node:net";
import type { Context } from "hono";

/**
 * Peers allowed to state the client's address and scheme (`X-Forwarded-For`,
 * `X-Forwarded-Proto`): the reverse proxies of the deployment, by address (`TRUST_PROXY`).
 * From anyone else those headers are ignored: a client could otherwise choose the address
 * it is throttled under, or ask for the metrics "from loopback".
 */
export type TrustedProxies = ReadonlySet<string>;

/** The address as Node reports it, with IPv4-mapped IPv6 (`::ffff:10.0.0.1`) written as IPv4. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/** The request's socket under the Node server; undefined elsewhere (e.g. `app.request` in tests). */
const socketOf = (c: Context) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } } } | undefined)?.incoming?.socket;

/** The TCP peer of the request; "unknown" outside the Node server. */
export function peerAddress(c: Context): string {
  const address = socketOf(c)?.remoteAddress;
  return address ? normaliseAddress(address) : "unknown";
}

/**
 * The client's address: the TCP peer, or, when the peer is a trusted proxy, the nearest
 * `X-Forwarded-For` entry that is not a trusted proxy itself (proxies append on the right,
 * so everything left of the first untrusted hop could have been written by the client).
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  return forwardedClient(peerAddress(c), c.req.header("x-forwarded-for"), trusted);
}

/** `clientAddress` from the raw peer and header, for requests outside Hono (the WebSocket upgrade). */
export function forwardedClient(peer: string, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  if (!trusted.has(peer)) return peer;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => normaliseAddress(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop !== undefined && !trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** True when the client reached us over HTTPS: TLS on this socket, or a trusted proxy says so. */
export function isHttps(c: Context, trusted: TrustedProxies): boolean {
  // The socket, not the URL: a request line may carry an absolute "https://…" URL over plain HTTP.
  const socket = socketOf(c);
  if (socket ? socket.encrypted === true : new URL(c.req.url).protocol === "https:") return true;
  if (!trusted.has(peerAddress(c))) return false;
  // The first value is the scheme the outermost proxy saw, as Express reads it.
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/** 127.0.0.0/8 and ::1: this machine. */
export const isLoopback = (address: string): boolean => address === "::1" || /^127\.\d+\.\d+\.\d+$/.test(address);

/** Request headers a reverse proxy adds: present from an untrusted peer, the request was relayed. */
export const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host"] as const;
