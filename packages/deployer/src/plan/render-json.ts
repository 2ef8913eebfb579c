import type { JsonObject } from "@domovoi/runtime";
import type { Plan } from "./plan.js";

/**
 * The plan as JSON (`--json`): each change with what it creates (the desired properties) or
 * the fields it changes; live state is left out except for what a deletion removes.
 */
export function planJson(plan: Plan): JsonObject {
  return {
    app: plan.app,
    stage: plan.stage,
    account: plan.account,
    region: plan.region,
    functionName: plan.functionName,
    pending: plan.changes.length > 0,
    changes: plan.changes.map((change) => ({
      action: change.action,
      kind: change.kind,
      id: change.id,
      name: change.name,
      ...(change.registration !== undefined && { registration: change.registration }),
      ...(change.action === "create" &&
        change.desired && { properties: change.desired.properties }),
      ...(change.fields.length > 0 && {
        fields: change.fields.map((field) => ({
          path: field.path,
          ...(field.from !== undefined && { from: field.from }),
          ...(field.to !== undefined && { to: field.to }),
        })),
      }),
    })),
    unchanged: plan.unchanged.map((resource) => resource.id),
    warnings: [...plan.warnings],
  };
}
