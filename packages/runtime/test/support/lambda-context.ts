import type { Context } from "aws-lambda";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";

/** A Lambda context for the function `<functionName>`, invoked through `qualifier` if given. */
export function lambdaContext(functionName = "shop-dev", qualifier?: string): Context {
  const functionArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: qualifier === undefined ? functionArn : `${functionArn}:${qualifier}`,
    memoryLimitInMB: "128",
    awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678",
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "2024/01/01/[$LATEST]abcdef",
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
