import type { EventRuleRegistration, JsonObject } from "@domovoi/runtime";
import { DOMOVOI_RULE_TEMPLATE } from "../eventbridge/index.js";
import type { ProvisionContext, Provisioned, Provisioner } from "./provision-context.js";

/** The id of the one target of each of the app's rules. */
const TARGET_ID = "domovoi";

/**
 * A rule as the deployer deploys it: on its bus (created when missing), matching `pattern`, with
 * the app's function as its target behind the runtime's wrapper (`{"domovoiRule", "event"}`),
 * which routes each event to exactly that rule's registration. Stopping deletes the rule.
 */
export function putFunctionRule(
  context: ProvisionContext,
  busNameOrArn: string,
  ruleName: string,
  pattern: JsonObject,
): Provisioned {
  const { eventBridge } = context.backends;
  const bus =
    eventBridge.findEventBus(context.region, busNameOrArn) ??
    eventBridge.createEventBus(context.region, busNameOrArn.slice(busNameOrArn.indexOf("/") + 1));
  const rule = eventBridge.putRule(bus, {
    name: ruleName,
    eventPattern: JSON.stringify(pattern),
    state: "ENABLED",
  });
  eventBridge.putTargets(rule, [
    {
      id: TARGET_ID,
      arn: context.functionArn,
      inputTransformer: { inputPathsMap: {}, inputTemplate: DOMOVOI_RULE_TEMPLATE },
    },
  ]);
  return {
    stop: async () => {
      eventBridge.removeTargets(rule, [TARGET_ID]);
      eventBridge.deleteRule(bus, ruleName);
    },
  };
}

/** A `cloudwatchEventHandler`: its rule, named as deployed, on its bus. */
export const provisionEventRule: Provisioner<EventRuleRegistration> = (registration, context) => {
  const ruleName = context.names.registrations[registration.name]?.rule ?? registration.name;
  const { eventBusName, eventPattern } = registration.options;
  return putFunctionRule(context, eventBusName, ruleName, eventPattern);
};
