import type { FastifyPluginAsync } from "fastify";
import { generateEvent } from "../../events/index.js";
import type { InvocationResult } from "../../host/invocation.js";
import { jsonBody, sendError } from "./api-errors.js";
import type { DevApiOptions } from "./dev-api-context.js";

/**
 * `POST /_domovoi/events/:kind` with the generator's parameters as the JSON body: generates the
 * event in the stage's region and invokes the function with it, synchronously (the answer is the
 * invocation's result and logs) or, with `?invocationType=Event`, asynchronously (202).
 */
export const eventsRoute: FastifyPluginAsync<DevApiOptions> = async (app, { context }) => {
  app.post<{ Params: { kind: string }; Querystring: { invocationType?: string } }>(
    "/events/:kind",
    async (request, reply) => {
      try {
        const { lambda, region, clock } = await context;
        const { kind } = request.params;
        const event = generateEvent(kind, jsonBody(request.body), {
          region,
          now: () => new Date(clock.now()),
        });
        const invocation = { payload: JSON.stringify(event), trigger: `dev-api:${kind}` };
        if (request.query.invocationType === "Event") {
          return reply.code(202).send({ requestId: lambda.invokeAsync(invocation), event });
        }
        return reply.send({ ...resultBody(await lambda.invoke(invocation)), event });
      } catch (error) {
        return sendError(reply, error);
      }
    },
  );
};

function resultBody(result: InvocationResult) {
  return {
    requestId: result.requestId,
    status: result.status,
    payload: JSON.parse(result.payload) as unknown,
    durationMs: result.durationMs,
    logs: result.logs.map((line) => line.text),
  };
}
