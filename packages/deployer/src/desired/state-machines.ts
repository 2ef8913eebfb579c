import { stateMachineDefinition } from "@domovoi/runtime";
import { trustPolicy } from "../aws/policy-document.js";
import { arns } from "../aws/target.js";
import { aliasResource } from "../resources/alias.js";
import { functionId } from "../resources/function.js";
import { rolePath } from "../resources/ownership.js";
import { roleResource } from "../resources/role.js";
import { stateMachineResource } from "../resources/state-machine.js";
import type { DesiredContext, DesiredPart } from "./desired-context.js";
import { stateMachinePolicy } from "./state-machine-policy.js";

/**
 * Each state machine, its tasks' aliases (`$LATEST`), and a role that Step Functions alone may
 * assume, allowed exactly what its definition invokes.
 */
export function stateMachinesPart(ctx: DesiredContext): DesiredPart {
  const { project, target } = ctx;
  const path = rolePath(project.manifest.app, project.stage);
  const aliases = new Map<string, ReturnType<typeof aliasResource>>();
  const resources = [];
  const warnings: string[] = [];
  for (const machine of project.manifest.stateMachines) {
    const names = project.names.stateMachines[machine.name];
    if (!names) continue;
    for (const task of machine.tasks) {
      aliases.set(
        task.alias,
        aliasResource(
          task.alias,
          `${ctx.functionArn}:${task.alias}`,
          `${machine.name}/${task.stateName}`,
          functionId(project.names.functionName),
          task.registration,
        ),
      );
    }
    const definition = stateMachineDefinition(machine, ctx.functionArn);
    const policy = stateMachinePolicy(ctx, machine.name, definition);
    warnings.push(...policy.warnings);
    const roleArn = arns.role(target, path, names.role);
    const role = roleResource(
      names.role,
      roleArn,
      {
        path,
        assumeRolePolicy: trustPolicy("states.amazonaws.com", target.account),
        policies: { invoke: { Version: "2012-10-17", Statement: policy.statements } },
      },
      machine.name,
    );
    const taskAliases = machine.tasks.map((task) => aliases.get(task.alias)!.id);
    resources.push(
      role,
      stateMachineResource(
        names.stateMachine,
        arns.stateMachine(target, names.stateMachine),
        { type: machine.type, definition, role: roleArn },
        [role.id, ...new Set(taskAliases)],
        machine.name,
      ),
    );
  }
  return { resources: [...aliases.values(), ...resources], warnings };
}
