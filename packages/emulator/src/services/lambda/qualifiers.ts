import type { DomovoiManifest } from "@domovoi/runtime";
import { FUNCTION_VERSION } from "../../host/index.js";
import { functionNotFound } from "./lambda-errors.js";

/**
 * The qualifiers a function of the app answers to: `$LATEST` (the emulator runs the code on disk)
 * and the aliases its Step Functions tasks invoke, which the deployer creates.
 */
export function validQualifiers(manifest: DomovoiManifest): ReadonlySet<string> {
  const aliases = manifest.stateMachines.flatMap((machine) => machine.tasks.map((t) => t.alias));
  return new Set([FUNCTION_VERSION, ...aliases]);
}

/**
 * The qualifier to invoke, undefined for the unqualified function.
 * @throws ResourceNotFoundException naming the qualified ARN when the function has no such alias.
 */
export function checkQualifier(
  manifest: DomovoiManifest,
  functionArn: string,
  qualifier: string | undefined,
): string | undefined {
  if (qualifier === undefined || validQualifiers(manifest).has(qualifier)) return qualifier;
  throw functionNotFound(`${functionArn}:${qualifier}`);
}

/** The registration a task alias runs, for telling which handler an invocation reached. */
export function taskRegistration(
  manifest: DomovoiManifest,
  qualifier: string | undefined,
): string | undefined {
  if (qualifier === undefined) return undefined;
  for (const machine of manifest.stateMachines) {
    const task = machine.tasks.find((candidate) => candidate.alias === qualifier);
    if (task) return task.registration;
  }
  return undefined;
}
