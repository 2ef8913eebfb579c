import { randomUUID } from "node:crypto";
import { type AwsRequest, type EmulatedService, PROTOCOLS } from "../service.js";
import type { SnsAction } from "./action.js";
import { PUBLISH_ACTIONS } from "./publish-actions.js";
import { QueryParams } from "./query-params.js";
import { queryResponse } from "./query-xml.js";
import type { SnsBackend } from "./sns-backend.js";
import { actionNotEmulated } from "./sns-errors.js";
import { SUBSCRIPTION_ACTIONS } from "./subscription-actions.js";
import { TOPIC_ACTIONS } from "./topic-actions.js";

const ACTIONS: Readonly<Record<string, SnsAction>> = {
  ...TOPIC_ACTIONS,
  ...SUBSCRIPTION_ACTIONS,
  ...PUBLISH_ACTIONS,
};

/**
 * SNS on the emulator's endpoint, in its query protocol (`Action=...&Version=2010-03-31`, XML
 * answers), the only protocol the AWS SDK v3 speaks to SNS.
 */
export function createSnsService(backend: SnsBackend): EmulatedService {
  return {
    signingName: "sns",
    protocol: PROTOCOLS.awsQuery,
    async handle(request) {
      const params = QueryParams.parse(requestParams(request));
      const action = params.optionalString("Action") ?? "";
      const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!run) throw actionNotEmulated(action);
      const result = run({ backend, params, region: request.region });
      const requestId = randomUUID();
      return {
        statusCode: 200,
        headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
        body: queryResponse(action, result, requestId),
      };
    },
  };
}

/** SNS reads parameters from the query string and from a form body alike. */
function requestParams(request: AwsRequest): URLSearchParams {
  const params = new URLSearchParams(request.query);
  for (const [name, value] of new URLSearchParams(request.body.toString("utf8"))) {
    params.set(name, value);
  }
  return params;
}
