import { readFileSync } from "node:fs";
import * as Y from "yjs";

/** Resident memory of a process in kB, from /proc/<pid>/status (Linux). */
export function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** The server's live figures from /metrics: open collaboration connections and loaded rooms. */
export async function liveFigures(baseUrl: string, token?: string): Promise<{ connections: number; rooms: number }> {
  const res = await fetch(`${baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? Number.NaN);
  return { connections: read("accord_connections"), rooms: read("accord_open_rooms") };
}

/** A Y.Doc's state vector as a sorted `client:clock` list, comparable with `toEqual`. */
export function stateVectorOf(doc: Y.Doc): string[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([client, clock]) => `${client}:${clock}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
