import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** The tail of a child's output kept for error messages. */
const OUTPUT_TAIL_CHARS = 8192;
const STOP_GRACE_MS = 5000;

export interface SpawnRequest {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A spawned server, with the end of what it printed. */
export interface Server {
  readonly label: string;
  readonly child: ChildProcess;
  readonly startedAt: number;
  output(): string;
}

/**
 * Every process the benchmark spawns. Each runs in its own process group, so that stopping it
 * also stops whatever it spawned; whatever is still running when the benchmark ends, fails or is
 * interrupted is killed.
 */
export class ChildProcesses {
  readonly #running = new Set<Server>();
  readonly #killAll = () => {
    for (const server of this.#running) signalGroup(server.child, "SIGKILL");
  };
  readonly #onSignal = (signal: NodeJS.Signals) => {
    this.#killAll();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };

  /** Spawns `request`; `startedAt` is the `performance.now()` just before the spawn. */
  start(request: SpawnRequest): Server {
    if (this.#running.size === 0) this.#guard(true);
    const startedAt = performance.now();
    const child = spawn(request.command, request.args, {
      cwd: request.cwd,
      env: request.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const server: Server = { label: request.label, child, startedAt, output: () => tail };
    this.#running.add(server);
    child.once("exit", () => this.#forget(server));
    child.once("error", () => this.#forget(server));
    return server;
  }

  /** SIGTERM to the server's group, SIGKILL if it has not exited after a grace period. */
  async stop(server: Server): Promise<void> {
    const { child } = server;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      signalGroup(child, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS, false)]);
      if (!stopped) signalGroup(child, "SIGKILL");
    }
    this.#forget(server);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.#running].map((server) => this.stop(server)));
  }

  #forget(server: Server): void {
    if (this.#running.delete(server) && this.#running.size === 0) this.#guard(false);
  }

  /** Kills the children if this process exits or is interrupted while they run. */
  #guard(on: boolean): void {
    const method = on ? "on" : "off";
    process[method]("exit", this.#killAll);
    process[method]("SIGINT", this.#onSignal);
    process[method]("SIGTERM", this.#onSignal);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group has ended already.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export interface PollLimits {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

/**
 * Calls `probe` until it returns a value other than undefined, at most until the deadline and
 * while `server` runs; a probe that throws counts as not ready yet, and its last error and the
 * server's output are reported on failure.
 */
export async function poll<T>(
  what: string,
  server: Server,
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs }: PollLimits,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  const maxAttempts = Math.ceil(timeoutMs / Math.max(1, intervalMs)) + 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < maxAttempts && performance.now() < deadline; attempt++) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw failure(`${server.label} exited while waiting for ${what}`, server, lastError);
    }
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw failure(`Timed out after ${timeoutMs} ms waiting for ${what}`, server, lastError);
}

function failure(message: string, server: Server, lastError: unknown): Error {
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
  return new Error(`${message}${cause}. Output of ${server.label}:\n${server.output()}`);
}

/** A TCP port that is free on loopback now, for a server that cannot take port 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("No TCP port assigned.");
  return address.port;
}
