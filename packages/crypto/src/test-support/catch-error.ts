/** Runs `action` and returns what it threw, or `undefined`; lets a test assert on the error. */
export function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }

  return undefined;
}

/** Awaits `promise` and returns its rejection reason, or `undefined` if it resolved. */
export async function catchRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }

  return undefined;
}
