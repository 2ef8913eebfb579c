import * as s3 from "@aws-sdk/client-s3";
import { awsError } from "./aws-error.js";
import type { FakeAws, FakeService, Handlers } from "./fake-aws.js";
import { allows } from "./policy-check.js";

type Entry = s3.LambdaFunctionConfiguration | s3.TopicConfiguration | s3.QueueConfiguration;

/**
 * Buckets (seeded by tests) and their notification configurations. As S3 does, a new
 * configuration is refused unless every destination lets this bucket deliver to it.
 */
export class FakeS3 implements FakeService {
  readonly name = "S3";
  readonly client = s3.S3Client;
  readonly commands = s3 as unknown as Record<string, unknown>;
  readonly buckets = new Map<string, s3.NotificationConfiguration>();

  constructor(private readonly aws: FakeAws) {}

  seedBucket(name: string, notifications: s3.NotificationConfiguration = {}): void {
    this.buckets.set(name, notifications);
  }

  handlers(): Handlers {
    return {
      GetBucketNotificationConfiguration: ({
        Bucket,
        ExpectedBucketOwner,
      }: s3.GetBucketNotificationConfigurationCommandInput) =>
        structuredClone(this.#bucket(Bucket, ExpectedBucketOwner)),
      PutBucketNotificationConfiguration: ({
        Bucket,
        ExpectedBucketOwner,
        NotificationConfiguration = {},
      }: s3.PutBucketNotificationConfigurationCommandInput) => {
        this.#bucket(Bucket, ExpectedBucketOwner);
        const bucketArn = `arn:${this.aws.partition}:s3:::${Bucket}`;
        const invalid = this.#entries(NotificationConfiguration).filter(
          (entry) => !this.#deliverable(entry, bucketArn),
        );
        if (invalid.length > 0) {
          throw awsError(
            "InvalidArgument",
            `Unable to validate the following destination configurations: ${invalid.map((e) => e.Id).join(", ")}`,
          );
        }
        this.buckets.set(String(Bucket), normalized(NotificationConfiguration));
        return {};
      },
    };
  }

  #entries(configuration: s3.NotificationConfiguration): Entry[] {
    return [
      ...(configuration.LambdaFunctionConfigurations ?? []),
      ...(configuration.TopicConfigurations ?? []),
      ...(configuration.QueueConfigurations ?? []),
    ];
  }

  #deliverable(entry: Entry, bucketArn: string): boolean {
    const request = {
      principal: "s3.amazonaws.com",
      sourceArn: bucketArn,
      sourceAccount: this.aws.account,
    };
    if ("LambdaFunctionArn" in entry && entry.LambdaFunctionArn) {
      return this.aws.lambda.permits(
        entry.LambdaFunctionArn,
        request.principal,
        bucketArn,
        this.aws.account,
      );
    }
    if ("TopicArn" in entry && entry.TopicArn) {
      const policy = this.aws.sns.topics.get(entry.TopicArn)?.attributes.Policy;
      return (
        policy !== undefined &&
        allows([JSON.parse(policy)], {
          ...request,
          action: "sns:Publish",
          resource: entry.TopicArn,
        })
      );
    }
    const queueArn = (entry as s3.QueueConfiguration).QueueArn ?? "";
    const policy = this.aws.sqs.byArn(queueArn)?.attributes.Policy;
    return (
      policy !== undefined &&
      allows([JSON.parse(policy)], { ...request, action: "sqs:SendMessage", resource: queueArn })
    );
  }

  #bucket(name: string | undefined, owner: string | undefined): s3.NotificationConfiguration {
    const bucket = this.buckets.get(String(name));
    if (!bucket) throw awsError("NoSuchBucket", "The specified bucket does not exist", 404);
    if (owner !== undefined && owner !== this.aws.account)
      throw awsError("AccessDenied", "Access Denied", 403);
    return bucket;
  }
}

/** S3 returns filter rule names capitalised, whatever case they were sent in. */
function normalized(configuration: s3.NotificationConfiguration): s3.NotificationConfiguration {
  const copy = structuredClone(configuration);
  for (const list of [
    copy.LambdaFunctionConfigurations,
    copy.TopicConfigurations,
    copy.QueueConfigurations,
  ]) {
    for (const entry of list ?? []) {
      for (const rule of entry.Filter?.Key?.FilterRules ?? []) {
        rule.Name = (
          rule.Name === "prefix" ? "Prefix" : rule.Name === "suffix" ? "Suffix" : rule.Name
        ) as s3.FilterRuleName;
      }
    }
  }
  return copy;
}
