import type { JsonObject } from "@domovoi/runtime";
import { arns } from "../aws/target.js";
import { desiredState } from "../desired/index.js";
import type { DesiredResource } from "../model/resource.js";
import type { Project } from "../project/project.js";
import { TEMPLATE_RESOURCES, type TemplateContext } from "./resource-templates.js";
import { PSEUDO_TARGET, substituted } from "./substitution.js";

export interface CloudFormationExport {
  readonly template: JsonObject;
  /** What the deployer would do that the template cannot express. */
  readonly unsupported: readonly string[];
  readonly warnings: readonly string[];
}

const CODE_PARAMETERS = {
  CodeS3Bucket: { Type: "String", Description: "The S3 bucket holding the deployment package" },
  CodeS3Key: {
    Type: "String",
    Description: "The deployment package's key (the zip written beside the template)",
  },
};

/**
 * The stage as a CloudFormation template, computed from the manifest alone: no AWS call is made.
 * Account, region and partition are pseudo parameters, the code comes from S3 parameters, and
 * DynamoDB stream ARNs (which only the table knows) are parameters too.
 */
export function exportTemplate(project: Project, codeSha256: string): CloudFormationExport {
  const streamParameters = new Map(
    project.manifest.registrations
      .filter((r) => r.kind === "dynamodb")
      .map((r) => [r.name, `${logicalName(r.name)}StreamArn`]),
  );
  const functionArn = arns.function(PSEUDO_TARGET, project.names.functionName);
  const desired = desiredState({
    project,
    target: PSEUDO_TARGET,
    functionArn,
    codeSha256,
    streamArns: new Map(
      [...streamParameters].map(([name, parameter]) => [name, `\${${parameter}}`]),
    ),
  });
  const ctx: TemplateContext = {
    code: { S3Bucket: { Ref: "CodeS3Bucket" }, S3Key: { Ref: "CodeS3Key" } },
    functionName: project.names.functionName,
    functionArn,
    definitions: new Map(project.manifest.stateMachines.map((m) => [m.name, m.definition])),
  };
  const resources: Record<string, JsonObject> = {};
  const logicalIds = new Map<string, string>();
  const unsupported: string[] = [];
  for (const resource of desired.resources) {
    const converted = [TEMPLATE_RESOURCES[resource.kind](resource, ctx)].flat();
    let main: string | undefined;
    for (const entry of converted) {
      if ("unsupported" in entry) {
        unsupported.push(entry.unsupported);
        continue;
      }
      // AWS::SNS::TopicPolicy of bartender-dev-x: TopicPolicyBartenderDevX.
      const id = uniqueId(
        resources,
        `${entry.type.split("::").pop()}${logicalName(resource.name)}`,
      );
      // A resource's companions (a topic's policy) come after it.
      const after = [...dependsOn(resource, logicalIds), ...(main === undefined ? [] : [main])];
      resources[id] = { Type: entry.type, Properties: entry.properties, DependsOn: after };
      main ??= id;
    }
    if (main !== undefined) logicalIds.set(resource.id, main);
  }
  const parameters = new Set([...Object.keys(CODE_PARAMETERS), ...streamParameters.values()]);
  const template: JsonObject = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `Domovoi app ${project.manifest.app}, stage ${project.stage}`,
    Parameters: {
      ...CODE_PARAMETERS,
      ...Object.fromEntries(
        [...streamParameters].map(([name, parameter]) => [
          parameter,
          {
            Type: "String",
            Description: `The stream ARN of the table of DynamoDB handler ${name}`,
          },
        ]),
      ),
    },
    Resources: substituted(resources, parameters) as JsonObject,
  };
  return { template, unsupported, warnings: desired.warnings };
}

function dependsOn(resource: DesiredResource, logicalIds: ReadonlyMap<string, string>): string[] {
  return [...new Set(resource.dependsOn.flatMap((id) => logicalIds.get(id) ?? []))];
}

/** Letters and digits only, as logical ids require. */
function logicalName(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function uniqueId(taken: Record<string, unknown>, wanted: string): string {
  let id = wanted.slice(0, 240);
  for (let n = 2; id in taken; n++) id = `${wanted.slice(0, 240)}${n}`;
  return id;
}
