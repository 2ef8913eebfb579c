// Prints the SHA-256 of a project's deployment package: run in a child process with TZ set.
import { buildCodePackage } from "../../src/bundle/code-package.js";

const [projectDir = "."] = process.argv.slice(2);
const { sha256 } = await buildCodePackage({ projectDir, entry: "app.ts", conditions: ["source"] });
process.stdout.write(`${sha256}\n`);
