import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type InvokeTarget, invoke, lambdaClient } from "./emulator-invoke.js";
import {
  type ChildProcesses,
  freePort,
  type PollLimits,
  poll,
  type Server,
} from "./emulator-process.js";

const PEERS = resolve(dirname(fileURLToPath(import.meta.url)), "peers");
const PEER_PACKAGES = ["serverless", "serverless-offline"];
const SERVICE = "bench";
const FUNCTION = "handler";
const READY: PollLimits = { timeoutMs: 120_000, intervalMs: 20 };

const SERVERLESS_YML = `service: ${SERVICE}
frameworkVersion: "3"
provider:
  name: aws
  runtime: nodejs20.x
  region: us-east-1
plugins:
  - serverless-offline
functions:
  ${FUNCTION}:
    handler: handler.handler
`;

/** The benchmark app's handler as a plain JavaScript Lambda handler. */
const HANDLER = "export const handler = async () => ({ version: 1 });\n";

/** serverless@3 and serverless-offline@13, installed on demand outside the workspace. */
export function installServerlessPeers(): void {
  const installed = PEER_PACKAGES.every((name) => existsSync(join(PEERS, "node_modules", name)));
  if (!installed) {
    execFileSync("npm", ["install", "--prefix", PEERS, "--no-audit", "--no-fund"], {
      stdio: "inherit",
    });
  }
}

/**
 * Everything that keeps the framework on loopback and off the user's files: dummy credentials,
 * no instance metadata, no telemetry, notifications or deprecation notices, and a HOME of its
 * own for the state it writes (~/.serverlessrc).
 */
function offlineEnvironment(home: string): NodeJS.ProcessEnv {
  const { AWS_ENDPOINT_URL: _endpoint, AWS_PROFILE: _profile, ...env } = process.env;
  return {
    ...env,
    HOME: home,
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    SLS_TELEMETRY_DISABLED: "1",
    SLS_NOTIFICATIONS_MODE: "off",
    SLS_DEPRECATION_DISABLE: "*",
  };
}

export interface ServerlessOffline {
  readonly server: Server;
  readonly target: InvokeTarget;
  /** Milliseconds from the spawn to the first successful invocation. */
  readonly firstInvokeMs: number;
  remove(): Promise<void>;
}

/**
 * `serverless offline start --lambdaPort N` on a minimal service in a temporary folder, serving
 * `<service>-dev-<function>` on loopback; resolves once an invocation has succeeded.
 */
export async function startServerlessOffline(
  processes: ChildProcesses,
  payload: Uint8Array,
): Promise<ServerlessOffline> {
  const dir = await mkdtemp(join(tmpdir(), "domovoi-bench-serverless-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await symlink(join(PEERS, "node_modules"), join(dir, "node_modules"), "dir");
    await writeFile(join(dir, "serverless.yml"), SERVERLESS_YML);
    await writeFile(join(dir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    await writeFile(join(dir, "handler.js"), HANDLER);
    const port = await freePort();
    const server = processes.start({
      label: "serverless offline",
      command: process.execPath,
      args: [
        join(PEERS, "node_modules/serverless/bin/serverless.js"),
        "offline",
        "start",
        "--host",
        "127.0.0.1",
        "--lambdaPort",
        String(port),
      ],
      cwd: dir,
      env: offlineEnvironment(dir),
    });
    const target = {
      name: "serverless-offline",
      client: lambdaClient(`http://127.0.0.1:${port}`),
      functionName: `${SERVICE}-dev-${FUNCTION}`,
    };
    await poll(
      "serverless-offline's first invocation",
      server,
      () => invoke(target, payload),
      READY,
    );
    return { server, target, firstInvokeMs: performance.now() - server.startedAt, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
