import type { LogStream } from "./log-stream.js";
import type { SubscriptionFilter } from "./subscription-filter.js";

/** A log group of one region, with its streams and its (at most two) subscription filters. */
export class LogGroup {
  readonly name: string;
  readonly region: string;
  /** The group's ARN; DescribeLogGroups' `arn` adds `:*` to it. */
  readonly arn: string;
  readonly creationTime: number;
  /** Set with PutRetentionPolicy: events older than this are refused, as expired. */
  retentionInDays: number | undefined;
  readonly kmsKeyId: string | undefined;
  readonly streams = new Map<string, LogStream>();
  /** By name, in the order they were created. */
  readonly subscriptionFilters = new Map<string, SubscriptionFilter>();

  constructor(options: {
    name: string;
    region: string;
    arn: string;
    creationTime: number;
    kmsKeyId?: string;
  }) {
    this.name = options.name;
    this.region = options.region;
    this.arn = options.arn;
    this.creationTime = options.creationTime;
    this.kmsKeyId = options.kmsKeyId;
  }
}
