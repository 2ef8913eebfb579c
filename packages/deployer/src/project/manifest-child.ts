// Runs in a child process (with tsx) so that the app's module code, its globals and its
// dependencies never load into the deployer: imports the entry and sends `app.manifest()` back.
import { pathToFileURL } from "node:url";

type Reply = { manifest: unknown } | { error: string };

async function readManifest(entry: string): Promise<Reply> {
  const exports = (await import(pathToFileURL(entry).href)) as { app?: { manifest?: unknown } };
  const { app } = exports;
  if (typeof app?.manifest !== "function") {
    return {
      error: `${entry} does not export a Domovoi app: add \`export const app = new Domovoi(...)\``,
    };
  }
  return { manifest: JSON.parse(JSON.stringify(app.manifest())) };
}

const entry = process.argv[2] ?? "";
const reply = await readManifest(entry).catch(
  (error: unknown): Reply => ({
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  }),
);
process.send?.(reply, () => process.exit(0));
