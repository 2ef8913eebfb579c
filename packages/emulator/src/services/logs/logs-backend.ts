import type { CloudWatchLogsLogEvent } from "aws-lambda";
import type { Clock } from "../../clock/clock.js";
import { newLogStreamName } from "../../host/lambda-environment.js";
import { DEFAULT_REGION, LOCAL_ACCOUNT_ID } from "../../local-account.js";
import { compileFilterPattern } from "./filter-pattern.js";
import { logGroupArn, logGroupNameOf, logStreamArn } from "./log-arns.js";
import { LogGroup } from "./log-group.js";
import { LogStream } from "./log-stream.js";
import {
  logGroupExists,
  logGroupNotFound,
  logStreamExists,
  logStreamNotFound,
  resourceLimitExceeded,
  subscriptionFilterNotFound,
} from "./logs-errors.js";
import { checkBatch, partitionBatch, type RejectedLogEventsInfo } from "./put-log-events.js";
import { type InputLogEvent, logEventId, type StoredLogEvent } from "./stored-log-event.js";
import {
  type LogsDeliveryFailure,
  type LogsFunctionDelivery,
  SubscriptionDelivery,
} from "./subscription-delivery.js";
import { checkDestination } from "./subscription-destination.js";
import { SubscriptionFilter, type SubscriptionFilterDefinition } from "./subscription-filter.js";

export interface LogsBackendOptions {
  /** The clock ingestion times and subscription batching windows run on. */
  readonly clock: Clock;
  /** The app's function, the destination of subscription filters. */
  readonly functions?: LogsFunctionDelivery;
  /** The account of every log group (default: the emulator's local account). */
  readonly account?: string;
  /** The region of the app's function, whose own output `appendLambdaLogs` writes. */
  readonly region?: string;
  /** How long subscription deliveries gather events (default one second). */
  readonly batchWindowMs?: number;
  /** Told of every batch a subscription filter could not deliver. */
  readonly onDeliveryFailure?: (failure: LogsDeliveryFailure) => void;
}

export interface CreateLogGroupOptions {
  readonly kmsKeyId?: string;
}

export interface PutLogEventsResult {
  readonly nextSequenceToken: string;
  readonly rejectedLogEventsInfo: RejectedLogEventsInfo | undefined;
}

/** A line of the app's own output: its text, stamped with the clock's time, or a log event. */
export type LambdaLogLine = string | InputLogEvent;

/** A log group has at most two subscription filters. */
const MAX_SUBSCRIPTION_FILTERS = 2;

/**
 * The emulated CloudWatch Logs of one emulator: log groups by region, their streams and events,
 * and subscription filters whose matching events go to the app's function. The JSON-protocol
 * adapter, the emulator's setup (the app's subscriptions) and its host (the function's own output,
 * under `/aws/lambda/<function>`) share it.
 */
export class LogsBackend {
  readonly account: string;
  readonly #clock: Clock;
  readonly #region: string;
  readonly #functions: LogsFunctionDelivery | undefined;
  readonly #delivery: SubscriptionDelivery;
  /** By region, then by name. */
  readonly #groups = new Map<string, Map<string, LogGroup>>();
  readonly #lambdaStreams = new Map<string, string>();
  /** Ingestion order, the low bits of event ids; from 1, so that no id is the zero cursor. */
  #serial = 1;

  constructor(options: LogsBackendOptions) {
    this.account = options.account ?? LOCAL_ACCOUNT_ID;
    this.#clock = options.clock;
    this.#region = options.region ?? DEFAULT_REGION;
    this.#functions = options.functions;
    this.#delivery = new SubscriptionDelivery({
      clock: options.clock,
      account: this.account,
      functions: options.functions,
      batchWindowMs: options.batchWindowMs ?? 1000,
      onFailure: options.onDeliveryFailure,
    });
  }

  createLogGroup(region: string, name: string, options: CreateLogGroupOptions = {}): LogGroup {
    const groups = this.#regionGroups(region);
    if (groups.has(name)) throw logGroupExists();
    const group = new LogGroup({
      name,
      region,
      arn: logGroupArn(region, this.account, name),
      creationTime: this.#clock.now(),
      ...options,
    });
    groups.set(name, group);
    return group;
  }

  deleteLogGroup(group: LogGroup): void {
    for (const filter of group.subscriptionFilters.values()) filter.active = false;
    this.#regionGroups(group.region).delete(group.name);
  }

  /** A group by name or ARN. */
  logGroup(region: string, nameOrArn: string): LogGroup {
    const group = this.findLogGroup(region, nameOrArn);
    if (!group) throw logGroupNotFound();
    return group;
  }

  findLogGroup(region: string, nameOrArn: string): LogGroup | undefined {
    return this.#regionGroups(region).get(logGroupNameOf(nameOrArn));
  }

  /** The region's groups, by name. */
  logGroups(region: string): LogGroup[] {
    return [...this.#regionGroups(region).values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  createLogStream(group: LogGroup, name: string): LogStream {
    if (group.streams.has(name)) throw logStreamExists();
    const stream = new LogStream(
      name,
      logStreamArn(group.region, this.account, group.name, name),
      this.#clock.now(),
    );
    group.streams.set(name, stream);
    return stream;
  }

  deleteLogStream(group: LogGroup, name: string): void {
    if (!group.streams.delete(name)) throw logStreamNotFound();
  }

  logStream(group: LogGroup, name: string): LogStream {
    const stream = group.streams.get(name);
    if (!stream) throw logStreamNotFound();
    return stream;
  }

  /**
   * Stores a batch as PutLogEvents does: refuses a batch out of order, spanning more than a day
   * or too large; keeps the events within the accepted time range and reports the others; then
   * runs the group's subscription filters on what it kept.
   */
  putLogEvents(
    group: LogGroup,
    stream: LogStream,
    events: readonly InputLogEvent[],
  ): PutLogEventsResult {
    checkBatch(events);
    const { accepted, rejected } = partitionBatch(events, this.#clock.now(), group.retentionInDays);
    this.#ingest(group, stream, accepted);
    return { nextSequenceToken: stream.uploadSequenceToken, rejectedLogEventsInfo: rejected };
  }

  /**
   * Writes lines of the app's function to its log group, `/aws/lambda/<function>`, creating group
   * and stream as Lambda does; by default all lines go to one Lambda-style stream per function.
   */
  appendLambdaLogs(
    functionName: string,
    lines: readonly LambdaLogLine[],
    logStreamName: string = this.#lambdaStreamName(functionName),
  ): void {
    const groupName = `/aws/lambda/${functionName}`;
    const group =
      this.findLogGroup(this.#region, groupName) ?? this.createLogGroup(this.#region, groupName);
    const stream = group.streams.get(logStreamName) ?? this.createLogStream(group, logStreamName);
    const now = this.#clock.now();
    const events = lines
      .map((line) => (typeof line === "string" ? { timestamp: now, message: line } : line))
      .sort((a, b) => a.timestamp - b.timestamp);
    this.#ingest(group, stream, events);
  }

  /**
   * Adds or replaces a subscription filter; a group has at most two. The pattern is checked with
   * AWS's message and the destination must be the app's function.
   */
  putSubscriptionFilter(group: LogGroup, definition: SubscriptionFilterDefinition): void {
    const matches = compileFilterPattern(definition.filterPattern);
    const { qualifier } = checkDestination(definition, this.#functions?.functionName);
    const existing = group.subscriptionFilters.get(definition.filterName);
    if (!existing && group.subscriptionFilters.size >= MAX_SUBSCRIPTION_FILTERS) {
      throw resourceLimitExceeded();
    }
    if (existing) existing.active = false;
    group.subscriptionFilters.set(
      definition.filterName,
      new SubscriptionFilter({
        definition,
        matches,
        qualifier,
        creationTime: existing?.creationTime ?? this.#clock.now(),
      }),
    );
  }

  deleteSubscriptionFilter(group: LogGroup, filterName: string): void {
    const filter = group.subscriptionFilters.get(filterName);
    if (!filter) throw subscriptionFilterNotFound();
    filter.active = false;
    group.subscriptionFilters.delete(filterName);
  }

  #ingest(group: LogGroup, stream: LogStream, events: readonly InputLogEvent[]): void {
    if (events.length === 0) return;
    const ingestionTime = this.#clock.now();
    const stored: StoredLogEvent[] = events.map(({ timestamp, message }) => ({
      id: logEventId(timestamp, this.#serial++),
      timestamp,
      message,
      ingestionTime,
    }));
    stream.append(stored, ingestionTime);
    for (const filter of group.subscriptionFilters.values()) {
      const matched = matchingEvents(filter, stored);
      if (matched.length > 0) this.#delivery.accept(group.name, stream.name, filter, matched);
    }
  }

  #lambdaStreamName(functionName: string): string {
    let name = this.#lambdaStreams.get(functionName);
    if (name === undefined) {
      name = newLogStreamName(new Date(this.#clock.now()));
      this.#lambdaStreams.set(functionName, name);
    }
    return name;
  }

  #regionGroups(region: string): Map<string, LogGroup> {
    let groups = this.#groups.get(region);
    if (!groups) {
      groups = new Map();
      this.#groups.set(region, groups);
    }
    return groups;
  }
}

/** The events a subscription filter passes on, with the fields its pattern extracts. */
function matchingEvents(
  filter: SubscriptionFilter,
  events: readonly StoredLogEvent[],
): CloudWatchLogsLogEvent[] {
  return events.flatMap(({ id, timestamp, message }) => {
    const match = filter.matches(message);
    if (!match) return [];
    const { extractedFields } = match;
    return [
      {
        id,
        timestamp,
        message,
        ...(extractedFields && { extractedFields: { ...extractedFields } }),
      },
    ];
  });
}
