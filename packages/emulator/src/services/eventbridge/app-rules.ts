import { type DomovoiManifest, physicalNames } from "@domovoi/runtime";
import { busNameOf } from "./arns.js";
import type { EventRule } from "./event-rule.js";
import type { EventBridgeBackend } from "./eventbridge-backend.js";

/**
 * The input transformer of the targets of Domovoi's rules: the matched event wrapped with the
 * rule's name, which the runtime's dispatcher routes to exactly that rule's registration.
 * `<aws.events.event.json>` keeps `detail`, which `<aws.events.event>` would drop.
 */
export const DOMOVOI_RULE_TEMPLATE =
  '{"domovoiRule": <aws.events.rule-name>, "event": <aws.events.event.json>}';

/** The id of the one target of each of the app's rules. */
const TARGET_ID = "domovoi";

/**
 * Creates (or updates) the rule of each `cloudwatchEventHandler` registration as the deployer
 * deploys it: its physical name, its pattern, on its bus (created when missing), with the app's
 * function as its target behind the Domovoi wrapper.
 */
export function provisionAppRules(
  backend: EventBridgeBackend,
  manifest: DomovoiManifest,
  stage: string,
  region: string,
): EventRule[] {
  const names = physicalNames(manifest, stage);
  const functionArn = `arn:aws:lambda:${region}:${backend.account}:function:${names.functionName}`;
  return manifest.registrations.flatMap((registration) => {
    const name = names.registrations[registration.name]?.rule;
    if (registration.kind !== "eventbridge" || name === undefined) return [];
    const busName = busNameOf(registration.options.eventBusName);
    const bus = backend.findEventBus(region, busName) ?? backend.createEventBus(region, busName);
    const rule = backend.putRule(bus, {
      name,
      eventPattern: JSON.stringify(registration.options.eventPattern),
      state: "ENABLED",
    });
    backend.putTargets(rule, [
      {
        id: TARGET_ID,
        arn: functionArn,
        inputTransformer: { inputPathsMap: {}, inputTemplate: DOMOVOI_RULE_TEMPLATE },
      },
    ]);
    return [rule];
  });
}
