/**
 * Sets variables of this process's environment and puts the previous values back on `restore`:
 * an app loaded in-process reads its configuration from `process.env`, as it would in Lambda.
 */
export class EnvironmentOverride {
  readonly #previous = new Map<string, string | undefined>();

  set(variables: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(variables)) {
      if (!this.#previous.has(name)) this.#previous.set(name, process.env[name]);
      process.env[name] = value;
    }
  }

  restore(): void {
    for (const [name, value] of this.#previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.#previous.clear();
  }
}
