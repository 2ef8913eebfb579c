import { MISSING } from "../jsonpath/json-path.js";

/**
 * Workflow variables (`Assign`) of one scope. The top-level states share a scope; each Parallel
 * branch and inline Map iteration gets its own, which reads the outer scopes and keeps its own
 * assignments to itself; a distributed Map iteration sees no outer variables at all.
 */
export class VariableScope {
  readonly #parent: VariableScope | undefined;
  readonly #values = new Map<string, unknown>();
  #bindings: Readonly<Record<string, unknown>> | undefined;

  private constructor(parent: VariableScope | undefined) {
    this.#parent = parent;
  }

  static root(): VariableScope {
    return new VariableScope(undefined);
  }

  /** A scope for a branch or iteration that reads this one. */
  child(): VariableScope {
    return new VariableScope(this);
  }

  lookup(name: string): unknown {
    if (this.#values.has(name)) return this.#values.get(name);
    return this.#parent ? this.#parent.lookup(name) : MISSING;
  }

  /** Assigns a state's variables together, once the state has computed all of them. */
  assign(values: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(values)) this.#values.set(name, value);
    this.#bindings = undefined;
  }

  /** Every visible variable, inner scopes shadowing outer ones (JSONata's bindings). */
  bindings(): Readonly<Record<string, unknown>> {
    if (this.#bindings === undefined) {
      this.#bindings = { ...this.#parent?.bindings(), ...Object.fromEntries(this.#values) };
    }
    return this.#bindings;
  }
}
