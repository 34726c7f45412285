import { Hono } from "hono";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PubSub } from "../../pubsub/PubSub.ts";
import type { TrustedProxies } from "../clientAddress.ts";
import { metricsAccess } from "../metricsAccess.ts";

/** The figures an operator watches, in Prometheus' text format, one registry per server. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly updates = new Counter({
    name: "accord_updates_committed_total",
    help: "Document updates committed to the store",
    registers: [this.registry],
  });
  readonly persistSeconds = new Histogram({
    name: "accord_persist_seconds",
    help: "Time to commit one group of updates",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly refused = new Counter({
    name: "accord_refused_updates_total",
    help: "Updates the policy refused",
    registers: [this.registry],
  });

  constructor(live: { openRooms: number; connectionCount: number }) {
    new Gauge({
      name: "accord_open_rooms",
      help: "Documents loaded in memory",
      registers: [this.registry],
      collect() {
        this.set(live.openRooms);
      },
    });
    new Gauge({
      name: "accord_connections",
      help: "Open collaboration connections",
      registers: [this.registry],
      collect() {
        this.set(live.connectionCount);
      },
    });
  }

  /** Records one group commit. */
  committed(updates: number, ms: number): void {
    this.updates.inc(updates);
    this.persistSeconds.observe(ms / 1000);
  }
}

/**
 * Health (`/healthz`: store and Redis reachable), readiness (`/readyz`: accepting work, false
 * while shutting down) and metrics (`/metrics`: see `metricsAccess` for who may read them).
 */
export function opsRoutes(deps: {
  store: { ping(): Promise<boolean> };
  pubsub: PubSub;
  metrics: ServerMetrics;
  ready: () => boolean;
  metricsToken: string | null;
  trustedProxies: TrustedProxies;
}) {
  const check = async (probe: () => Promise<boolean>) => {
    try {
      return await Promise.race([probe(), new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())]);
    } catch {
      return false;
    }
  };
  return new Hono()
    .get("/healthz", async (c) => {
      const [store, redis] = await Promise.all([check(() => deps.store.ping()), check(() => deps.pubsub.healthy())]);
      const body = {
        status: store && redis ? "ok" : "unavailable",
        store,
        redis: deps.pubsub.distributed ? redis : "not used",
      };
      return c.json(body, store && redis ? 200 : 503);
    })
    .get("/readyz", (c) => (deps.ready() ? c.json({ ready: true }) : c.json({ ready: false }, 503)))
    .get("/metrics", metricsAccess(deps.metricsToken, deps.trustedProxies), async (c) => {
      return c.text(await deps.metrics.registry.metrics(), 200, { "content-type": deps.metrics.registry.contentType });
    });
}
