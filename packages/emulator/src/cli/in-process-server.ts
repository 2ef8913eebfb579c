import { type DevServer, startDevServer } from "../dev/dev-server.js";

/**
 * Loads the app for one command that runs it here rather than in a running `domovoi dev`: with
 * the emulated AWS services on a free port, but no schedules, no watching and no recording.
 */
export async function withInProcessServer<T>(
  entry: string,
  stage: string | undefined,
  use: (server: DevServer) => Promise<T>,
): Promise<T> {
  const server = await startDevServer({
    entry,
    stage,
    port: 0,
    schedules: false,
    watch: false,
    record: false,
  });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}
