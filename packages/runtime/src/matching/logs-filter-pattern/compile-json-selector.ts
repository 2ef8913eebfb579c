import type { SelectorStep } from "./ast.js";

export type NodeVisitor = (node: unknown) => boolean;

/** Calls `visit` on each node the selector reaches (several through a wildcard) until one passes. */
export type CompiledSelector = (root: unknown, visit: NodeVisitor) => boolean;

export function compileSelector(steps: readonly SelectorStep[]): CompiledSelector {
  const walk = (node: unknown, depth: number, visit: NodeVisitor): boolean => {
    const step = steps[depth];
    if (!step) return visit(node);
    if (typeof node !== "object" || node === null) return false;
    switch (step.kind) {
      case "property":
        return (
          !Array.isArray(node) &&
          Object.hasOwn(node, step.name) &&
          walk((node as Record<string, unknown>)[step.name], depth + 1, visit)
        );
      case "index":
        return (
          Array.isArray(node) &&
          step.index < node.length &&
          walk(node[step.index], depth + 1, visit)
        );
      case "wildcard":
        // "select any array element or any JSON object field"
        return Object.values(node).some((child) => walk(child, depth + 1, visit));
    }
  };
  return (root, visit) => walk(root, 0, visit);
}
