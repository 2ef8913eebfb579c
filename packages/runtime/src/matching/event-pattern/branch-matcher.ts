import { isJsonScalar, type JsonScalar } from "../shared/json-value.js";
import type { Branch, FieldCondition } from "./flatten-pattern.js";

const END = -1;

/**
 * How to follow a dotted path through an event whose keys may themselves contain dots:
 * `steps[start]` lists the keys that can be read at character offset `start` of the path, each
 * with the offset where the rest of the path begins (END once the path is used up).
 */
interface Route {
  readonly steps: ReadonlyMap<number, readonly { key: string; next: number }[]>;
}

type Visit = (leaf: JsonScalar) => boolean;

/**
 * Compiles one branch into a search for leaves satisfying every field. AWS matches arrays
 * "consistently": two fields reached through objects inside the same event array must come from
 * the same element. The search therefore binds each array it descends into to one element, and
 * backtracks over the choices.
 *
 * Fields are visited in a fixed order. The order cannot change the outcome unless a field may
 * be absent, because absence is judged against the elements already bound; AWS visits fields in
 * path order, so such branches do too. Other branches put the fields that filter most first.
 */
export function compileBranch(branch: Branch): (root: unknown) => boolean {
  const fields = orderFields(branch);
  const routes = fields.map((field) => routeOf(field.path));
  const bindings = new Map<readonly unknown[], number>();
  let root: unknown;

  const walk = (value: unknown, route: Route, start: number, visit: Visit): boolean => {
    if (Array.isArray(value)) {
      const bound = bindings.get(value);
      if (bound !== undefined) return walk(value[bound], route, start, visit);
      for (let index = 0; index < value.length; index++) {
        bindings.set(value, index);
        const found = walk(value[index], route, start, visit);
        bindings.delete(value);
        if (found) return true;
      }
      return false;
    }
    if (start === END) return isJsonScalar(value) && visit(value);
    if (typeof value !== "object" || value === null) return false;
    for (const { key, next } of route.steps.get(start) ?? []) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined && Object.hasOwn(value, key) && walk(child, route, next, visit)) {
        return true;
      }
    }
    return false;
  };

  const anyLeaf: Visit = () => true;
  const matchFrom = (index: number): boolean => {
    const field = fields[index];
    if (field === undefined) return true;
    const route = routes[index]!;
    if (field.test !== undefined && walk(root, route, 0, continuations[index]!)) return true;
    return field.allowsAbsence && !walk(root, route, 0, anyLeaf) && matchFrom(index + 1);
  };
  const continuations: Visit[] = fields.map(({ test }, index) =>
    test === undefined ? anyLeaf : (leaf) => test(leaf) && matchFrom(index + 1),
  );

  return (event) => {
    root = event;
    const matched = matchFrom(0);
    root = undefined;
    return matched;
  };
}

function orderFields(branch: Branch): FieldCondition[] {
  if (branch.some((field) => field.allowsAbsence)) {
    return [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return [...branch].sort((a, b) => Number(a.broad) - Number(b.broad));
}

/** Every way of reading `path` as a chain of event keys (a key may contain dots itself). */
function routeOf(path: string): Route {
  const starts = [0];
  for (let index = path.indexOf("."); index >= 0; index = path.indexOf(".", index + 1)) {
    starts.push(index + 1);
  }
  const steps = new Map<number, { key: string; next: number }[]>();
  for (const start of starts) {
    const choices = starts
      .filter((next) => next > start)
      .map((next) => ({ key: path.slice(start, next - 1), next }));
    choices.push({ key: path.slice(start), next: END });
    steps.set(start, choices);
  }
  return { steps };
}
