import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s ticks
}

/** Bytes of every file under `dir`. */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? diskBytes(full) : statSync(full).size;
  }
  return total;
}

/** A free TCP port on 127.0.0.1 (for peers that cannot listen on port 0 and tell us). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A server child pinned to core 0; resolves once its output matches `ready`. */
export interface Child {
  process: ChildProcess;
  pid: number;
  /** First match of `ready` in the output (empty for a URL). */
  match: RegExpExecArray;
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts `node args` pinned to core 0. Ready when the output matches `ready`, or (a URL)
 * when GET on it answers 200.
 */
export async function startPinned(args: string[], env: Record<string, string>, ready: RegExp | URL): Promise<Child> {
  const child = spawn("taskset", ["-c", "0", process.execPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      const m = ready instanceof RegExp ? ready.exec(output) : null;
      if (m) resolve(m);
    };
    if (ready instanceof URL) {
      const poll = () =>
        fetch(ready).then(
          (res) => (res.ok ? resolve(/(?:)/.exec("") as RegExpExecArray) : setTimeout(poll, 50)),
          () => child.exitCode === null && setTimeout(poll, 50),
        );
      setTimeout(poll, 100);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${output}`)));
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    process: child,
    pid: child.pid ?? 0,
    match,
    kill9: () => kill("SIGKILL"),
    async stop() {
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await kill("SIGTERM");
      clearTimeout(timer);
    },
    output: () => output,
  };
}
