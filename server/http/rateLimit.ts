import { createMiddleware } from "hono/factory";
import { tooManyRequests } from "../errors.ts";
import { clientAddress, type TrustedProxies } from "./clientAddress.ts";
import { RateLimiter, type RateLimits } from "./RateLimiter.ts";

/**
 * The key an address is counted under. IPv6 by its /64: one subscriber usually holds a
 * whole /64, and counting single addresses would give them 2^64 budgets.
 */
export function addressKey(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail] = (address.split("%")[0] ?? "").split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Limits requests per client address (as `clientAddress` determines it, so only a trusted
 * proxy can name another one): beyond `max` per window, 429 `too_many_requests` with
 * `Retry-After`, before the body is read.
 */
export function rateLimit(limits: Omit<RateLimits, "maxKeys"> & { maxKeys?: number }, trusted: TrustedProxies) {
  const limiter = new RateLimiter({ maxKeys: 10_000, ...limits });
  return createMiddleware(async function rateLimit(c, next) {
    const wait = limiter.take(addressKey(clientAddress(c, trusted)));
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw tooManyRequests(wait);
    }
    await next();
  });
}
