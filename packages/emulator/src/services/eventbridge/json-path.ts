/** Reads one value out of an event; undefined when the path leads nowhere. */
export type JsonPathReader = (root: unknown) => unknown;

type Step =
  | { readonly kind: "member"; readonly name: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" };

const STEP = /^(?:\.([^.[\]*]+)|\[(\d+)\]|\.\*|\[\*\])/;

/**
 * Compiles the JSON path subset EventBridge evaluates in `InputPath` and `InputPathsMap`: `$`,
 * dotted members (dashes, slashes and the like included), array indexes and wildcards; a path
 * with a wildcard reads the list of every value it reaches. Undefined for anything else.
 */
export function compileJsonPath(path: string): JsonPathReader | undefined {
  if (!path.startsWith("$")) return undefined;
  const steps: Step[] = [];
  for (let rest = path.slice(1); rest !== ""; ) {
    const match = STEP.exec(rest);
    if (!match) return undefined;
    const [text, name, index] = match;
    steps.push(
      name !== undefined
        ? { kind: "member", name }
        : index !== undefined
          ? { kind: "index", index: Number(index) }
          : { kind: "wildcard" },
    );
    rest = rest.slice(text.length);
  }
  const many = steps.some((step) => step.kind === "wildcard");
  return (root) => {
    const reached = steps.reduce<unknown[]>(
      (values, step) => values.flatMap(stepper(step)),
      [root],
    );
    return many ? reached : reached[0];
  };
}

function stepper(step: Step): (value: unknown) => unknown[] {
  switch (step.kind) {
    case "member":
      return (value) =>
        isObject(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : [];
    case "index":
      return (value) =>
        Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
    case "wildcard":
      return (value) =>
        Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
