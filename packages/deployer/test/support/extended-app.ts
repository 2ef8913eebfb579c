import type { DomovoiManifest, RegistrationManifest, S3Delivery } from "@domovoi/runtime";
import type { Project } from "../../src/index.js";
import type { FakeAws } from "../fake/fake-aws.js";
import { withManifest } from "./bartender.js";

/** One S3 handler per delivery mode, each on a bucket of its own. */
export const S3_DELIVERIES: readonly S3Delivery[] = [
  "direct",
  "sns",
  "sqs",
  "sns-sqs",
  "eventbridge",
];

export const bucketFor = (delivery: S3Delivery) => `uploads-${delivery}`;

function s3Handler(delivery: S3Delivery): RegistrationManifest {
  return {
    kind: "s3",
    name: `uploads_${delivery.replace("-", "_")}`,
    key: bucketFor(delivery),
    options: { events: ["s3:ObjectCreated:*"], prefix: "in/", suffix: ".csv", delivery },
  };
}

/**
 * The bartender app plus every source the example does not use: S3 in each delivery mode, a
 * rule on a custom bus, Kinesis, ALB and SES (written as manifest entries, which is what the
 * deployer reads).
 */
export function extendedProject(project: Project, targetGroupArn: string): Project {
  const manifest: DomovoiManifest = {
    ...project.manifest,
    registrations: [
      ...project.manifest.registrations.filter((r) => r.kind !== "s3"),
      ...S3_DELIVERIES.map(s3Handler),
      {
        kind: "eventbridge",
        name: "orders",
        key: '{"source":["shop"]}',
        options: { eventPattern: { source: ["shop"] }, eventBusName: "orders" },
      },
      {
        kind: "kinesis",
        name: "clicks",
        key: "clicks",
        options: {
          batchSize: 100,
          maximumBatchingWindowInSeconds: 0,
          startingPosition: "TRIM_HORIZON",
          parallelizationFactor: 2,
          bisectBatchOnFunctionError: true,
          maximumRetryAttempts: 3,
          maximumRecordAgeInSeconds: 3600,
          reportBatchItemFailures: true,
          shardCount: 1,
        },
      },
      { kind: "alb", name: "api", key: "/api", options: { multiValueHeaders: false } },
      {
        kind: "ses",
        name: "inbox",
        key: "orders@example.com",
        options: { recipients: ["orders@example.com"] },
      },
    ],
  };
  return {
    ...withManifest(project, manifest),
    config: { ...project.config, albTargetGroupArn: targetGroupArn, sesRuleSetName: "inbound" },
  };
}

/** What the extended app needs in the account besides the bartender's. */
export function seedExtended(aws: FakeAws): string {
  for (const delivery of S3_DELIVERIES) aws.s3.seedBucket(bucketFor(delivery));
  aws.events.buses.add("orders");
  aws.ses.seedRuleSet("inbound");
  return aws.elbv2.seedTargetGroup("api");
}
