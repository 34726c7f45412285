import type { Logger } from "../../server/log.ts";

/** A logger that keeps every line it is given, as JSON text (to show what never reaches a log). */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, msg, ...fields }));
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    banner: () => {},
  };
}
