import type { Protocol } from "./service.js";
import { PROTOCOLS } from "./service.js";

export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface ServiceRoute {
  /** The SigV4 signing name of the service the request is for. */
  readonly service: string;
  readonly region: string | undefined;
  /** The protocol the request was sent in, so that even a refusal answers in kind. */
  readonly protocol: Protocol;
}

/** `X-Amz-Target` prefixes of the JSON-protocol services, for unsigned requests. */
const TARGET_PREFIXES: Readonly<Record<string, string>> = {
  AmazonSQS: "sqs",
  DynamoDB_20120810: "dynamodb",
  DynamoDBStreams_20120810: "dynamodb",
  Kinesis_20131202: "kinesis",
  AWSEvents: "events",
  Logs_20140328: "logs",
  AWSStepFunctions: "states",
};

/** The API versions that tell query-protocol services apart when a form request is unsigned. */
const QUERY_VERSIONS: Readonly<Record<string, string>> = {
  "2010-03-31": "sns",
  "2012-11-05": "sqs",
};

const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;

/**
 * Attributes a request to a service the way AWS's own endpoints would if they all shared one
 * host: the SigV4 credential scope names the service and region of every SDK call; the
 * protocol's own markers (`X-Amz-Target`, `Action=`, the Lambda REST path) decide the rest and
 * the protocol. What is left is S3's REST API, whose paths are arbitrary keys.
 */
export function routeRequest(request: RequestFacts): ServiceRoute {
  const scope = credentialScope(request);
  const markers = protocolOf(request);
  const service = scope?.service ?? serviceFromMarkers(request, markers);
  return { service, region: scope?.region, protocol: FIXED_PROTOCOLS[service] ?? markers };
}

/** Services with one protocol; the others (SQS speaks JSON and query) are told by markers. */
const FIXED_PROTOCOLS: Readonly<Record<string, Protocol>> = {
  s3: PROTOCOLS.restXml,
  lambda: PROTOCOLS.restJson,
};

function credentialScope(request: RequestFacts): { region: string; service: string } | undefined {
  const authorization = request.headers.authorization;
  const presigned = request.query.get("X-Amz-Credential");
  const match = authorization
    ? CREDENTIAL_SCOPE.exec(authorization)
    : presigned
      ? CREDENTIAL_SCOPE.exec(`Credential=${presigned}`)
      : null;
  return match ? { region: match[1]!, service: match[2]! } : undefined;
}

function protocolOf(request: RequestFacts): Protocol {
  if (request.headers["x-amz-target"]) return PROTOCOLS.awsJson;
  if (isFormRequest(request)) return PROTOCOLS.awsQuery;
  if (request.path.startsWith("/2015-03-31/")) return PROTOCOLS.restJson;
  return PROTOCOLS.restXml;
}

function serviceFromMarkers(request: RequestFacts, protocol: Protocol): string {
  switch (protocol) {
    case PROTOCOLS.awsJson: {
      const prefix = request.headers["x-amz-target"]!.split(".")[0]!;
      return TARGET_PREFIXES[prefix] ?? prefix;
    }
    case PROTOCOLS.awsQuery: {
      const version = new URLSearchParams(request.body.toString("utf8")).get("Version") ?? "";
      return QUERY_VERSIONS[version] ?? "unknown";
    }
    case PROTOCOLS.restJson:
      return "lambda";
    default:
      return "s3";
  }
}

function isFormRequest(request: RequestFacts): boolean {
  return (
    request.method === "POST" &&
    (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")
  );
}
