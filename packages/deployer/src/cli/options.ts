import { parseArgs } from "node:util";
import { DeployError } from "../errors.js";

export interface CliOptions {
  readonly projectDir: string;
  readonly stage: string;
  readonly entry: string;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly template?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly yes: boolean;
  readonly prune: boolean;
  readonly delete: boolean;
  readonly forceUnlock: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: domovoi-deploy [project] [options]

Deploys a Domovoi app's stage to AWS: plans against what the account holds, applies, prunes.

Options:
  --stage <name>         stage to deploy (default: dev)
  --entry <file>         the app's entry module (default: app.ts)
  --profile <name>       AWS profile
  --region <region>      AWS region (default: the stage's "region", else the profile's)
  --endpoint-url <url>   send every AWS call to this endpoint (LocalStack, ...)
  --dry-run              print the plan, change nothing; exit 2 when changes are pending
  --json                 print the plan (and the result) as JSON
  --yes                  confirm deletions and replacements
  --no-prune             keep resources the app no longer uses
  --delete               remove everything the stage owns
  --template <file>      write a CloudFormation template (and the code zip beside it), no AWS call
  --force-unlock         override a stale lock of the stage
  -h, --help             show this help
`;

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...argv],
        allowPositionals: true,
        allowNegative: true,
        options: {
          stage: { type: "string", default: "dev" },
          entry: { type: "string", default: "app.ts" },
          profile: { type: "string" },
          region: { type: "string" },
          "endpoint-url": { type: "string" },
          template: { type: "string" },
          "dry-run": { type: "boolean", default: false },
          json: { type: "boolean", default: false },
          yes: { type: "boolean", default: false },
          prune: { type: "boolean", default: true },
          delete: { type: "boolean", default: false },
          "force-unlock": { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
      });
    } catch (error) {
      throw new DeployError(`${(error as Error).message}\n\n${USAGE}`);
    }
  })();
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new DeployError(`Expected one project folder.\n\n${USAGE}`);
  return {
    projectDir: positionals[0] ?? ".",
    stage: values.stage,
    entry: values.entry,
    ...(values.profile !== undefined && { profile: values.profile }),
    ...(values.region !== undefined && { region: values.region }),
    ...(values["endpoint-url"] !== undefined && { endpointUrl: values["endpoint-url"] }),
    ...(values.template !== undefined && { template: values.template }),
    dryRun: values["dry-run"],
    json: values.json,
    yes: values.yes,
    prune: values.prune,
    delete: values.delete,
    forceUnlock: values["force-unlock"],
    help: values.help,
  };
}
