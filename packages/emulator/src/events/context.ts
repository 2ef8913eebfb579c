import { randomUUID } from "node:crypto";
import { DEFAULT_REGION, LOCAL_ACCOUNT_ID } from "../local-account.js";
import { InvalidEventParamsError } from "./errors.js";

export { DEFAULT_REGION };
export const DEFAULT_ACCOUNT = LOCAL_ACCOUNT_ID;

/**
 * Where a generated event comes from: the stage's region and account, and the sources of time and
 * identifiers. Tests pass fixed `now` and `randomUUID` functions to make events deterministic.
 */
export interface GeneratorOptions {
  readonly region?: string;
  readonly account?: string;
  readonly now?: () => Date;
  readonly randomUUID?: () => string;
}

/** The resolved options of one generation: `time` is read once, so all its parts agree. */
export interface EventContext {
  readonly kind: string;
  readonly region: string;
  readonly account: string;
  readonly time: Date;
  /** 32 lowercase hexadecimal digits, fresh on every call. */
  randomHex(): string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createContext(kind: string, options: GeneratorOptions = {}): EventContext {
  const region = options.region ?? DEFAULT_REGION;
  const account = options.account ?? DEFAULT_ACCOUNT;
  if (!REGION.test(region)) {
    throw new InvalidEventParamsError(
      kind,
      "region",
      `${JSON.stringify(region)} is not an AWS region such as us-east-1`,
    );
  }
  if (!ACCOUNT.test(account)) {
    throw new InvalidEventParamsError(
      kind,
      "account",
      `${JSON.stringify(account)} is not a 12-digit AWS account id`,
    );
  }
  const time = (options.now ?? (() => new Date()))();
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
    throw new InvalidEventParamsError(kind, "now", "the clock did not return a valid Date");
  }
  const uuid = options.randomUUID ?? randomUUID;
  return {
    kind,
    region,
    account,
    time,
    randomHex() {
      const value = uuid();
      if (!UUID.test(value)) {
        throw new InvalidEventParamsError(
          kind,
          "randomUUID",
          `${JSON.stringify(value)} is not a UUID`,
        );
      }
      return value.replaceAll("-", "").toLowerCase();
    },
  };
}

/** `2024-05-01T12:00:00.123Z`, as S3, SNS, SES and Step Functions write times. */
export function isoMillis(time: Date): string {
  return time.toISOString();
}

/** `2024-05-01T12:00:00Z`, as EventBridge writes times. */
export function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Whole epoch seconds, as DynamoDB Streams write `ApproximateCreationDateTime`. */
export function epochSeconds(time: Date): number {
  return Math.floor(time.getTime() / 1000);
}
