import { STREAM_VIEW_TYPES, type StreamViewType } from "../../events/dynamodb.js";
import { validationError } from "./dynamodb-errors.js";
import { isRecord } from "./dynamodb-operation.js";

/** A table's `StreamSpecification`: enabled with a view type, or disabled. */
export type StreamSpecification =
  | { readonly enabled: true; readonly viewType: StreamViewType }
  | { readonly enabled: false };

/** Reads a `StreamSpecification` as CreateTable and UpdateTable validate it. */
export function readStreamSpecification(value: unknown): StreamSpecification | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || typeof value.StreamEnabled !== "boolean") {
    throw validationError(
      "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null",
    );
  }
  const viewType = value.StreamViewType;
  if (viewType !== undefined && !STREAM_VIEW_TYPES.includes(viewType as StreamViewType)) {
    throw validationError(
      `1 validation error detected: Value '${String(viewType)}' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [${STREAM_VIEW_TYPES.join(", ")}]`,
    );
  }
  if (!value.StreamEnabled) return { enabled: false };
  if (viewType === undefined) {
    throw validationError(
      "One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true",
    );
  }
  return { enabled: true, viewType: viewType as StreamViewType };
}
