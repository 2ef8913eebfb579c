// The entry of the domovoi-deploy bin.
import { runCli } from "./main.js";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  interactive: Boolean(process.stderr.isTTY && process.stdin.isTTY),
});
