import { randomUUID } from "node:crypto";
import { notEmulated } from "./not-emulated.js";
import { renderError, toServiceError } from "./protocols/render-error.js";
import { type RequestFacts, routeRequest } from "./router.js";
import type { AwsResponse, EmulatedService } from "./service.js";

export interface ServiceDispatcher {
  /** The signing names of the emulated services. */
  readonly services: readonly string[];
  dispatch(request: RequestFacts): Promise<AwsResponse>;
}

/**
 * Routes each request to its emulated service and answers every failure in the caller's
 * protocol: the SDK then raises the exception it would raise against AWS, and a bug in a service
 * becomes a 500 for that request, never a crash of the server.
 */
export function createServiceDispatcher(
  services: readonly EmulatedService[],
  { defaultRegion }: { defaultRegion: string },
): ServiceDispatcher {
  const bySigningName = new Map(services.map((service) => [service.signingName, service]));
  const names = [...bySigningName.keys()].sort();
  return {
    services: names,
    async dispatch(request) {
      const route = routeRequest(request);
      const requestId = randomUUID();
      const service = bySigningName.get(route.service);
      try {
        if (!service) throw notEmulated(route.service, names);
        const response = await service.handle({
          ...request,
          service: route.service,
          region: route.region ?? defaultRegion,
        });
        return {
          ...response,
          headers: { "x-amzn-requestid": requestId, ...response.headers },
        };
      } catch (error) {
        return renderError(service?.protocol ?? route.protocol, toServiceError(error), requestId);
      }
    },
  };
}
