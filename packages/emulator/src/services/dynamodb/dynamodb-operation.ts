import type { DynaliteEngine, EngineResponse } from "./dynalite-engine.js";
import type { DynamoDbBackend } from "./dynamodb-backend.js";

export interface DynamoDbContext {
  readonly backend: DynamoDbBackend;
  readonly engine: DynaliteEngine;
  readonly region: string;
}

export type Input = Readonly<Record<string, unknown>>;

/** One operation of the DynamoDB API: the JSON input in, the engine's response out. */
export type DynamoDbOperation = (input: Input, context: DynamoDbContext) => Promise<EngineResponse>;

/** An operation dynalite answers as it is. */
export const passThrough =
  (operation: string): DynamoDbOperation =>
  (input, { engine }) =>
    engine.call(operation, input);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const OK = 200;
