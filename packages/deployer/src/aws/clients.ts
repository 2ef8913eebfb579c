import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { IAMClient } from "@aws-sdk/client-iam";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESClient } from "@aws-sdk/client-ses";
import { SFNClient } from "@aws-sdk/client-sfn";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { STSClient } from "@aws-sdk/client-sts";

/** One client per service the deployer manages, all for one region and credentials. */
export interface AwsClients {
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly lambda: LambdaClient;
  readonly scheduler: SchedulerClient;
  readonly events: EventBridgeClient;
  readonly sns: SNSClient;
  readonly sqs: SQSClient;
  readonly s3: S3Client;
  readonly logs: CloudWatchLogsClient;
  readonly sfn: SFNClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly ses: SESClient;
  readonly dynamodb: DynamoDBClient;
}

export interface ClientOptions {
  readonly region?: string;
  /** A profile of the shared AWS config and credentials files. */
  readonly profile?: string;
  /** Sends every call to one endpoint, such as LocalStack's. */
  readonly endpointUrl?: string;
}

export function createClients({ region, profile, endpointUrl }: ClientOptions = {}): AwsClients {
  const config = {
    ...(region !== undefined && { region }),
    ...(profile !== undefined && { profile }),
    ...(endpointUrl !== undefined && { endpoint: endpointUrl }),
  };
  return {
    sts: new STSClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
    scheduler: new SchedulerClient(config),
    events: new EventBridgeClient(config),
    sns: new SNSClient(config),
    sqs: new SQSClient(config),
    // LocalStack and other single endpoints serve buckets by path, not by host name.
    s3: new S3Client({ ...config, ...(endpointUrl !== undefined && { forcePathStyle: true }) }),
    logs: new CloudWatchLogsClient(config),
    sfn: new SFNClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    ses: new SESClient(config),
    dynamodb: new DynamoDBClient(config),
  };
}
