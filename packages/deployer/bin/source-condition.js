// A module resolution hook: adds the `source` condition, under which the workspace packages
// export their TypeScript sources (see each package.json's "exports").
export function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "source"] });
}
