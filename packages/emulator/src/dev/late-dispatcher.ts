import type { ServiceDispatcher } from "../services/dispatch.js";

/** A value that will exist later, and a way to provide it, or to give up on it. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  // Giving up while nothing waits is no error of its own.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * A dispatcher for a server that listens before its services exist (the app needs the port to
 * reach them): requests that arrive early wait for the services.
 */
export function lateDispatcher(dispatcher: Promise<ServiceDispatcher>): ServiceDispatcher {
  let services: readonly string[] = [];
  void dispatcher.then((ready) => {
    services = ready.services;
  });
  return {
    get services() {
      return services;
    },
    dispatch: async (request) => (await dispatcher).dispatch(request),
  };
}
