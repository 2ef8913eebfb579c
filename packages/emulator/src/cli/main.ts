// The entry of the `domovoi` command (bin/domovoi.js runs it from source).
import { processIo } from "./process-io.js";
import { runCli } from "./run-cli.js";

// Lambda runs functions in UTC, and the app's worker threads inherit this process's time zone.
process.env.TZ = "UTC";
// The CLI's own AWS clients (invoke, capture) need not tell the user about Node.js versions:
// `domovoi dev` already compares the local Node.js with the stage's runtime.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

process.exitCode = await runCli(process.argv.slice(2), processIo());
