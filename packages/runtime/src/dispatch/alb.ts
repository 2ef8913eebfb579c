import { Fields } from "../sources/fields.js";
import type { AlbSource } from "../sources/index.js";
import type { Invocation } from "./invocation.js";
import type { Route } from "./outcomes.js";

/** An HTTP request goes to the target with the longest path prefix that the path starts with. */
export function albRoute(source: AlbSource, invocation: Invocation): Route | undefined {
  const path = requestPath(source);
  const target = invocation.registry.albTargets.find((t) => path.startsWith(t.manifest.key));
  return invocation.routeTo(target, source.event);
}

export function requestPath(source: AlbSource): string {
  return Fields.of(source.event, "").string("path");
}
