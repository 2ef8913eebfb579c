/**
 * The wire protocols AWS services speak. The emulator answers each service in its own protocol,
 * errors included, so that the AWS SDK raises the same exception classes it would against AWS.
 */
export const PROTOCOLS = {
  awsJson: "awsJson",
  awsQuery: "awsQuery",
  restXml: "restXml",
  restJson: "restJson",
} as const;

export type Protocol = (typeof PROTOCOLS)[keyof typeof PROTOCOLS];

/** One HTTP request, already attributed to a service by the router. */
export interface AwsRequest {
  readonly method: string;
  /** The path without the query string, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** The service name of the SigV4 credential scope (`sqs`, `s3`, `events`...). */
  readonly service: string;
  /** The region of the credential scope, or the emulator's default region. */
  readonly region: string;
}

export interface AwsResponse {
  readonly statusCode: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** An emulated AWS service: its protocol adapter in front of its semantics. */
export interface EmulatedService {
  /** The SigV4 signing name the service answers to (`sqs`, `sns`, `s3`, `events`, `logs`...). */
  readonly signingName: string;
  readonly protocol: Protocol;
  handle(request: AwsRequest): Promise<AwsResponse>;
}
