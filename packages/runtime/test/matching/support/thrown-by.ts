/** The error an action throws; fails the test when it throws nothing. */
export function thrownBy(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error, but none was thrown");
}
