import type { FastifyPluginAsync } from "fastify";
import { ApiRequestError, sendError } from "./api-errors.js";
import type { DevApiOptions } from "./dev-api-context.js";

/**
 * `GET /_domovoi/schedules`: the app's schedules and their next fire times;
 * `POST /_domovoi/schedules/:name/trigger`: fires one now, as its schedule would (202).
 */
export const schedulesRoute: FastifyPluginAsync<DevApiOptions> = async (app, { context }) => {
  app.get("/schedules", async (_request, reply) => {
    const { schedules } = await context;
    return reply.send({ schedules: schedules.list() });
  });

  app.post<{ Params: { name: string } }>("/schedules/:name/trigger", async (request, reply) => {
    try {
      const { schedules } = await context;
      const { name } = request.params;
      if (!schedules.has(name)) {
        const known = schedules.list().map((schedule) => schedule.name);
        throw new ApiRequestError(
          404,
          `No schedule ${JSON.stringify(name)} (the app has: ${known.join(", ") || "none"}).`,
        );
      }
      return reply.code(202).send({ requestId: schedules.trigger(name) });
    } catch (error) {
      return sendError(reply, error);
    }
  });
};
