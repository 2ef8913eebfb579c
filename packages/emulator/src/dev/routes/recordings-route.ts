import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { RECORDINGS_DIR } from "../../recording/format.js";
import { ApiRequestError, sendError } from "./api-errors.js";
import type { DevApiOptions } from "./dev-api-context.js";

const RECORDING_FILE = /^[\w.-]+\.jsonl$/;

/**
 * `GET /_domovoi/recordings`: the project's recording files; `GET /_domovoi/recordings/:file`:
 * one of them, as JSON lines.
 */
export const recordingsRoute: FastifyPluginAsync<DevApiOptions> = async (app, { context }) => {
  app.get("/recordings", async (_request, reply) => {
    const folder = join((await context).projectDir, RECORDINGS_DIR);
    const names = (await readdir(folder).catch(() => [] as string[]))
      .filter((name) => RECORDING_FILE.test(name))
      .sort();
    const files = await Promise.all(
      names.map(async (name) => ({ name, bytes: (await stat(join(folder, name))).size })),
    );
    return reply.send({ folder: RECORDINGS_DIR, files });
  });

  app.get<{ Params: { file: string } }>("/recordings/:file", async (request, reply) => {
    try {
      const { file } = request.params;
      const path = join((await context).projectDir, RECORDINGS_DIR, file);
      // The pattern keeps the name inside the folder: no separators, no `..`.
      const text = RECORDING_FILE.test(file)
        ? await readFile(path, "utf8").catch(() => undefined)
        : undefined;
      if (text === undefined)
        throw new ApiRequestError(404, `No recording ${JSON.stringify(file)}.`);
      return reply.type("application/x-ndjson").send(text);
    } catch (error) {
      return sendError(reply, error);
    }
  });
};
