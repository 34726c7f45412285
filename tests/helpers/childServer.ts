import { type ChildProcess, spawn } from "node:child_process";
import { cleanup } from "./cleanup.ts";
import { testEnv } from "./server.ts";

/** An Accord server in its own process, so a test can `kill -9` it. */
export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown code runs, as in a crash or power cut of the process. */
  kill9(): Promise<void>;
  /** Everything the process wrote so far (its structured log). */
  output(): string;
}

/** Starts `server/main.ts` in a child process on a free port over `dataDir`. */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...testEnv(dataDir, { LOG_LEVEL: "info", ...env }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    output: () => output,
  };
}
