/**
 * The field set of an event: every path of an object key, with `[]` for array elements and `*`
 * for the keys of maps whose keys are data (attribute names, headers), given as `maps`. Paths in
 * `opaque` are listed but not entered (bodies, images, details whose fields are the user's).
 */
export interface ShapeRules {
  readonly maps?: readonly string[];
  readonly opaque?: readonly string[];
}

export function keyShape(value: unknown, rules: ShapeRules = {}): Set<string> {
  const paths = new Set<string>();
  collect(value, "", paths, rules);
  return paths;
}

function collect(value: unknown, path: string, paths: Set<string>, rules: ShapeRules): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, `${path}[]`, paths, rules);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const isMap = rules.maps?.includes(path) ?? false;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path === "" ? "" : `${path}.`}${isMap ? "*" : key}`;
    paths.add(childPath);
    if (!(rules.opaque?.includes(childPath) ?? false)) collect(child, childPath, paths, rules);
  }
}

/**
 * How a generated event's field set departs from real fixtures of its source: `unknown` fields no
 * fixture has, and `missing` fields every fixture has.
 */
export function shapeDifferences(
  generated: unknown,
  fixtures: readonly unknown[],
  rules: ShapeRules,
) {
  const actual = keyShape(generated, rules);
  const shapes = fixtures.map((fixture) => keyShape(fixture, rules));
  const union = new Set(shapes.flatMap((shape) => [...shape]));
  const [first = new Set<string>(), ...rest] = shapes;
  const common = [...first].filter((path) => rest.every((shape) => shape.has(path)));
  return {
    unknown: [...actual].filter((path) => !union.has(path)).sort(),
    missing: common.filter((path) => !actual.has(path)).sort(),
  };
}
