/** The exception name of an AWS SDK error (`ResourceNotFoundException`, ...), if it is one. */
export function awsErrorName(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { name } = error as { name?: unknown };
  return typeof name === "string" ? name : undefined;
}

export function isAwsError(error: unknown, ...names: readonly string[]): boolean {
  const name = awsErrorName(error);
  return name !== undefined && names.includes(name);
}

/** Runs a read and answers `undefined` when AWS says the resource does not exist. */
export async function unlessNotFound<T>(
  read: () => Promise<T>,
  ...notFound: readonly string[]
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isAwsError(error, ...notFound)) return undefined;
    throw error;
  }
}
