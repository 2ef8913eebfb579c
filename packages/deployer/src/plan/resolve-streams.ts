import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { DomovoiManifest } from "@domovoi/runtime";
import { unlessNotFound } from "../aws/errors.js";
import { DeployValidationError } from "../errors.js";
import type { ReadContext } from "../model/resource.js";

/**
 * The stream ARN of each DynamoDB handler's table (a mapping names the stream, which carries a
 * label only the table knows). Tables are the user's: a table without a stream is an error,
 * except when the stage is being deleted, where a missing table only means nothing to find.
 */
export async function resolveStreamArns(
  ctx: ReadContext,
  manifest: DomovoiManifest,
  { tolerateMissing }: { tolerateMissing: boolean },
): Promise<Map<string, string>> {
  const streams = new Map<string, string>();
  const problems: string[] = [];
  for (const registration of manifest.registrations) {
    if (registration.kind !== "dynamodb") continue;
    const given = registration.options.tableArn;
    if (given?.includes("/stream/")) {
      streams.set(registration.name, given);
      continue;
    }
    const table = await unlessNotFound(
      () =>
        ctx.clients.dynamodb.send(
          new DescribeTableCommand({ TableName: given ?? registration.key }),
        ),
      "ResourceNotFoundException",
    );
    const arn = table?.Table?.LatestStreamArn;
    if (arn && table.Table?.StreamSpecification?.StreamEnabled !== false) {
      streams.set(registration.name, arn);
    } else if (!tolerateMissing) {
      problems.push(
        table
          ? `dynamodb ${registration.name}: table ${registration.key} has no stream; enable one (StreamViewType NEW_AND_OLD_IMAGES, for example).`
          : `dynamodb ${registration.name}: table ${registration.key} does not exist in ${ctx.target.region}.`,
      );
    }
  }
  if (problems.length > 0) throw new DeployValidationError(problems);
  return streams;
}
