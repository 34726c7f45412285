import type { RawReceiverSpec } from "../systems/System.ts";

/** What ReceiverPool tells a receiver process. */
export type ToWorker =
  | { type: "open"; specs: RawReceiverSpec[] }
  | { type: "start" }
  | { type: "stop" }
  | { type: "close" };

/** What a receiver process answers. */
export type ToParent =
  | { type: "ready"; failed: number }
  | {
      type: "report";
      /** marker → the times (ms, monotonic) its readers in this process first saw it. */
      seen: Record<string, number[]>;
      cpuMsPerS: number;
      lagP99Ms: number;
      lagMaxMs: number;
      /** Readers whose socket closed (dropped by the server, or failed). */
      closed: number;
    };
