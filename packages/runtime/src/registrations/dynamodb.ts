import type { DynamoDBStreamEvent } from "aws-lambda";
import type { Handler } from "../context.js";
import { RegistrationError } from "../errors.js";
import type {
  DynamoDbRegistration,
  KeyAttribute,
  StreamViewType,
  TableDescription,
} from "../manifest.js";
import type { MethodSpec } from "./arguments.js";
import { checkOneOf, describe, isPlainObject } from "./checks.js";
import { registrationName } from "./names.js";
import type { RegisteredHandler, RegistrationOf } from "./registration.js";
import { DYNAMODB_TABLE, resourceReference } from "./resource-names.js";
import { STREAM_OPTION_NAMES, type StreamOptions, streamMappingOptions } from "./stream-mapping.js";

export interface DynamoDbOptions extends StreamOptions {
  /** The table's key schema and stream view, where Domovoi creates the table (the emulator). */
  readonly table?: {
    readonly partitionKey: KeyAttribute;
    readonly sortKey?: KeyAttribute;
    /** Default `NEW_AND_OLD_IMAGES`. */
    readonly streamViewType?: StreamViewType;
  };
}

export type DynamoDbHandler = Handler<DynamoDBStreamEvent>;

export const DYNAMODB_STREAM_HANDLER: MethodSpec<DynamoDbOptions> = {
  method: "dynamodbStreamHandler",
  options: [...STREAM_OPTION_NAMES, "table"],
};

const STREAM_VIEW_TYPES = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"] as const;
const KEY_TYPES = ["S", "N", "B"] as const;

export function dynamoDbRegistration(
  table: string,
  options: Partial<DynamoDbOptions>,
  handler: DynamoDbHandler,
): RegistrationOf<"dynamodb"> {
  const where = `dynamodbStreamHandler(${JSON.stringify(table)})`;
  const { name, arn } = resourceReference(table, DYNAMODB_TABLE);
  const manifest: DynamoDbRegistration = {
    kind: "dynamodb",
    name: registrationName({ where, explicit: options.name, handler, kind: "dynamodb", key: name }),
    key: name,
    options: {
      ...(arn !== undefined && { tableArn: arn }),
      ...streamMappingOptions(where, options, handler),
      ...(options.table !== undefined && { table: tableDescription(where, options.table) }),
    },
  };
  return { kind: "dynamodb", manifest, handler: handler as RegisteredHandler };
}

function tableDescription(where: string, table: unknown): TableDescription {
  if (!isPlainObject(table)) {
    throw new RegistrationError(`${where}: table must be an object, got ${describe(table)}.`);
  }
  return {
    partitionKey: keyAttribute(`${where} table.partitionKey`, table.partitionKey),
    ...(table.sortKey !== undefined && {
      sortKey: keyAttribute(`${where} table.sortKey`, table.sortKey),
    }),
    streamViewType: checkOneOf(
      table.streamViewType ?? "NEW_AND_OLD_IMAGES",
      `${where} table.streamViewType`,
      STREAM_VIEW_TYPES,
    ),
  };
}

function keyAttribute(option: string, value: unknown): KeyAttribute {
  if (!isPlainObject(value) || typeof value.name !== "string" || value.name.length === 0) {
    throw new RegistrationError(
      `${option} must be { name, type } with a non-empty name, got ${describe(value)}.`,
    );
  }
  return { name: value.name, type: checkOneOf(value.type, `${option}.type`, KEY_TYPES) };
}
