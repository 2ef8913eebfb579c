import { DomovoiError } from "@domovoi/runtime";

export interface AwsServiceErrorOptions extends ErrorOptions {
  /** HTTP status; AWS answers most client errors with 400. */
  readonly statusCode?: number;
  /** Whether the caller (`Sender`) or the service (`Receiver`) is at fault. */
  readonly fault?: "Sender" | "Receiver";
  /**
   * The code of the service's older query protocol (`AWS.SimpleQueueService.NonExistentQueue`),
   * which JSON-protocol services that replaced it still send in `x-amzn-query-error`.
   */
  readonly queryErrorCode?: string;
  /** Extra fields of the error body (`BucketName`, `Key`...). */
  readonly fields?: Readonly<Record<string, string>>;
}

/**
 * An error an emulated service returns to its caller, as AWS would: `code` is the error code on
 * the wire, which the AWS SDK maps to its exception class (`QueueDoesNotExist`, `NoSuchBucket`).
 */
export class AwsServiceError extends DomovoiError {
  readonly code: string;
  readonly statusCode: number;
  readonly fault: "Sender" | "Receiver";
  readonly queryErrorCode: string | undefined;
  readonly fields: Readonly<Record<string, string>>;

  constructor(code: string, message: string, options: AwsServiceErrorOptions = {}) {
    super(message, options);
    this.code = code;
    this.statusCode = options.statusCode ?? 400;
    this.fault = options.fault ?? (this.statusCode >= 500 ? "Receiver" : "Sender");
    this.queryErrorCode = options.queryErrorCode;
    this.fields = options.fields ?? {};
  }
}
