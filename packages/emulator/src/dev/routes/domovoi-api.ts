import type { FastifyPluginAsync } from "fastify";
import type { DevApiOptions } from "./dev-api-context.js";
import { eventsRoute } from "./events-route.js";
import { recordingsRoute } from "./recordings-route.js";
import { schedulesRoute } from "./schedules-route.js";

/** Where the dev server's own API lives; no AWS API path starts so, nor can a bucket's. */
export const DOMOVOI_API_PREFIX = "/_domovoi";

/** The dev server's own API: events, schedules and recordings. */
export const domovoiApi: FastifyPluginAsync<DevApiOptions> = async (app, { context }) => {
  // Only the context: the options also carry this plugin's prefix, which must not nest.
  await app.register(eventsRoute, { context });
  await app.register(schedulesRoute, { context });
  await app.register(recordingsRoute, { context });
};
