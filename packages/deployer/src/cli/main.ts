import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import { DomovoiError } from "@domovoi/runtime";
import { plainReporter, terminalReporter } from "../apply/progress.js";
import type { AwsClients } from "../aws/clients.js";
import type { Sleep } from "../aws/wait.js";
import { deploy } from "../deploy.js";
import { deletions, type Plan } from "../plan/plan.js";
import { planJson } from "../plan/render-json.js";
import { renderPlanText } from "../plan/render-text.js";
import { type CliOptions, parseCliOptions, USAGE } from "./options.js";
import { writeTemplate } from "./write-template.js";

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin?: Readable;
  /** Spinners, and a confirmation prompt for deletions. */
  readonly interactive: boolean;
}

/** Injected by tests: the clients of a fake account, and no waiting. */
export interface CliOverrides {
  readonly clients?: AwsClients;
  readonly sleep?: Sleep;
}

/**
 * Packages' `source` export condition: the Domovoi packages a project depends on (file: links
 * to a checkout) are loaded and bundled from their TypeScript sources, needing no build step.
 */
const CONDITIONS = ["source"];

/** Exit codes: 0 done (or nothing pending), 1 failed, 2 a dry run found changes pending. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  overrides: CliOverrides = {},
): Promise<number> {
  try {
    const options = parseCliOptions(argv);
    if (options.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (options.template !== undefined) {
      await writeTemplate(options, options.template, CONDITIONS, io.stdout);
      return 0;
    }
    return await runDeploy(options, io, overrides);
  } catch (error) {
    if (!(error instanceof DomovoiError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}

async function runDeploy(options: CliOptions, io: CliIo, overrides: CliOverrides): Promise<number> {
  const print = (plan: Plan) => {
    if (!options.json) io.stdout.write(renderPlanText(plan));
  };
  const result = await deploy({
    ...options,
    conditions: CONDITIONS,
    ...overrides,
    onPlan: print,
    reporter: io.interactive ? terminalReporter(io.stderr) : plainReporter(io.stderr),
    ...(io.interactive && io.stdin && { confirm: (plan: Plan) => confirm(plan, io) }),
  });
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ plan: planJson(result.plan), applied: result.applied, resources: result.resources }, null, 2)}\n`,
    );
  } else if (result.applied) {
    io.stdout.write(`\nDeployed ${result.plan.functionName}:\n`);
    for (const resource of result.resources) {
      if (resource.arn) io.stdout.write(`  ${resource.kind.padEnd(20)} ${resource.arn}\n`);
    }
  }
  return options.dryRun && result.plan.changes.length > 0 ? 2 : 0;
}

async function confirm(plan: Plan, io: CliIo): Promise<boolean> {
  const prompt = createInterface({ input: io.stdin!, output: io.stderr });
  try {
    const answer = await prompt.question(
      `Delete or replace ${deletions(plan).length} resources listed above? [y/N] `,
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
