import { AwsServiceError } from "../errors.js";

/**
 * S3's errors, with its codes, messages and the extra `<Error>` fields it sends (`BucketName`,
 * `Key`...). The AWS SDK maps each code to its exception class (`NoSuchBucket`, `NoSuchKey`).
 */
function s3Error(
  code: string,
  message: string,
  statusCode: number,
  fields: Readonly<Record<string, string>> = {},
): AwsServiceError {
  return new AwsServiceError(code, message, { statusCode, fields });
}

export const noSuchBucket = (bucket: string) =>
  s3Error("NoSuchBucket", "The specified bucket does not exist", 404, { BucketName: bucket });

export const noSuchKey = (key: string) =>
  s3Error("NoSuchKey", "The specified key does not exist.", 404, { Key: key });

export const noSuchUpload = (uploadId: string) =>
  s3Error(
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    404,
    { UploadId: uploadId },
  );

export const invalidBucketName = (bucket: string) =>
  s3Error("InvalidBucketName", "The specified bucket is not valid.", 400, { BucketName: bucket });

export const bucketAlreadyOwnedByYou = (bucket: string) =>
  s3Error(
    "BucketAlreadyOwnedByYou",
    "Your previous request to create the named bucket succeeded and you already own it.",
    409,
    { BucketName: bucket },
  );

export const bucketNotEmpty = (bucket: string) =>
  s3Error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, {
    BucketName: bucket,
  });

export const invalidLocationConstraint = (constraint: string) =>
  s3Error("InvalidLocationConstraint", "The specified location-constraint is not valid", 400, {
    LocationConstraint: constraint,
  });

/** A bucket's region must be the region of the endpoint the request was signed for. */
export const illegalLocationConstraint = (constraint: string | undefined) =>
  s3Error(
    "IllegalLocationConstraintException",
    `The ${constraint ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    400,
  );

export const invalidArgument = (message: string, name: string, value: string) =>
  s3Error("InvalidArgument", message, 400, { ArgumentName: name, ArgumentValue: value });

export const invalidRequest = (message: string) => s3Error("InvalidRequest", message, 400);

export const malformedXml = () =>
  s3Error(
    "MalformedXML",
    "The XML you provided was not well-formed or did not validate against our published schema",
    400,
  );

export const invalidUri = () => s3Error("InvalidURI", "Couldn't parse the specified URI.", 400);

export const keyTooLong = () => s3Error("KeyTooLongError", "Your key is too long", 400);

export const invalidDigest = (contentMd5: string) =>
  s3Error("InvalidDigest", "The Content-MD5 you specified was not valid.", 400, {
    "Content-MD5": contentMd5,
  });

export const badDigest = (message: string, fields: Readonly<Record<string, string>> = {}) =>
  s3Error("BadDigest", message, 400, fields);

export const contentSha256Mismatch = (claimed: string, computed: string) =>
  s3Error(
    "XAmzContentSHA256Mismatch",
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    400,
    { ClientComputedContentSHA256: claimed, S3ComputedContentSHA256: computed },
  );

export const incompleteBody = (message: string) => s3Error("IncompleteBody", message, 400);

export const preconditionFailed = (condition: string) =>
  s3Error(
    "PreconditionFailed",
    "At least one of the pre-conditions you specified did not hold",
    412,
    {
      Condition: condition,
    },
  );

export const invalidRange = (range: string, size: number) =>
  s3Error("InvalidRange", "The requested range is not satisfiable", 416, {
    RangeRequested: range,
    ActualObjectSize: String(size),
  });

export const invalidPart = () =>
  s3Error(
    "InvalidPart",
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
  );

export const invalidPartOrder = () =>
  s3Error(
    "InvalidPartOrder",
    "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
    400,
  );

export const entityTooSmall = (size: number, minimum: number) =>
  s3Error(
    "EntityTooSmall",
    "Your proposed upload is smaller than the minimum allowed object size.",
    400,
    {
      ProposedSize: String(size),
      MinSizeAllowed: String(minimum),
    },
  );

/** S3's code for features it does not offer; here, the parts of S3 the emulator leaves out. */
export const notImplemented = (what: string) =>
  s3Error(
    "NotImplemented",
    `A header or query you provided implies functionality that is not implemented: the Domovoi emulator does not emulate ${what}.`,
    501,
  );
