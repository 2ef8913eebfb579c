/** What an SDK call failed with, as the SDK reports it. */
export interface CallError {
  readonly name: string;
  readonly message: string;
  readonly status: number | undefined;
}

export async function failureOf(call: Promise<unknown>): Promise<CallError> {
  const error = await call.then(
    () => {
      throw new Error("Expected the call to fail.");
    },
    (error: unknown) => error,
  );
  const sdkError = error as {
    name: string;
    message: string;
    $metadata?: { httpStatusCode?: number };
  };
  return {
    name: sdkError.name,
    message: sdkError.message,
    status: sdkError.$metadata?.httpStatusCode,
  };
}
