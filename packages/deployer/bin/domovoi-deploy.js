#!/usr/bin/env node
// The `domovoi-deploy` command, run straight from the TypeScript sources so that it works in the
// checkout without a build step: tsx compiles the modules as they load, and the `source` export
// condition resolves the workspace packages (@domovoi/runtime, ...) to their sources too.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

register("./source-condition.js", import.meta.url);
registerTsx();
await import("../src/cli/run.ts");
