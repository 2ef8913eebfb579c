import { randomBytes } from "node:crypto";

/** What a waiting `.waitForTaskToken` task does when its token comes back. */
export interface TaskTokenWaiter {
  succeed(output: unknown): void;
  fail(error: string | undefined, cause: string | undefined): void;
  heartbeat(): void;
}

/**
 * The task tokens of waiting callback tasks. An SFN service shares one registry between its
 * executions, so that `SendTaskSuccess`, `SendTaskFailure` and `SendTaskHeartbeat` reach the
 * right task; each method returns false for a token no task waits for (AWS's `TaskDoesNotExist`).
 */
export class TaskTokenRegistry {
  readonly #waiters = new Map<string, TaskTokenWaiter>();

  /** A new token, opaque as AWS's. */
  static newToken(): string {
    return randomBytes(48).toString("base64url");
  }

  register(token: string, waiter: TaskTokenWaiter): () => void {
    this.#waiters.set(token, waiter);
    return () => this.#waiters.delete(token);
  }

  has(token: string): boolean {
    return this.#waiters.has(token);
  }

  sendTaskSuccess(token: string, output: unknown): boolean {
    const waiter = this.#take(token);
    waiter?.succeed(output);
    return waiter !== undefined;
  }

  sendTaskFailure(token: string, error?: string, cause?: string): boolean {
    const waiter = this.#take(token);
    waiter?.fail(error, cause);
    return waiter !== undefined;
  }

  sendTaskHeartbeat(token: string): boolean {
    const waiter = this.#waiters.get(token);
    waiter?.heartbeat();
    return waiter !== undefined;
  }

  #take(token: string): TaskTokenWaiter | undefined {
    const waiter = this.#waiters.get(token);
    this.#waiters.delete(token);
    return waiter;
  }
}
