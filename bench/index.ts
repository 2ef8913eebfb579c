/**
 * `npm run bench`: every benchmark of the project in one process, so that each ratio compares
 * figures measured under the same machine load. `npm run bench -- <name>...` runs some of them.
 */
import { DISPATCH_TITLE, reportDispatch } from "./dispatch.js";
import { EMULATOR_TITLE, reportEmulator } from "./emulator.js";
import { benchEventPatterns } from "./event-pattern.js";
import { type BenchResult, formatResults } from "./measure.js";
import { RUNTIME_SIZE_TITLE, reportRuntimeSize } from "./runtime-size.js";
import { benchSchedules } from "./schedule.js";
import { benchSqsPipeline } from "./sqs-pipeline.js";
import { benchStepFunctions, STEP_FUNCTIONS_TITLE } from "./stepfunctions.js";

interface Suite {
  readonly title: string;
  /** Figures to print as one table, or the text of a report that lays out several. */
  readonly run: () => Promise<BenchResult[] | string>;
}

const SUITES: Readonly<Record<string, Suite>> = {
  "event-pattern": { title: "Event patterns (50 rules x 10,000 events)", run: benchEventPatterns },
  schedule: { title: "Schedule expressions (next fire times)", run: benchSchedules },
  dispatch: { title: DISPATCH_TITLE, run: reportDispatch },
  "runtime-size": { title: RUNTIME_SIZE_TITLE, run: reportRuntimeSize },
  "sqs-pipeline": {
    title: "SQS pipeline: SendMessageBatch -> event source mapping -> handler -> delete",
    run: benchSqsPipeline,
  },
  emulator: { title: EMULATOR_TITLE, run: reportEmulator },
  stepfunctions: { title: STEP_FUNCTIONS_TITLE, run: benchStepFunctions },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(SUITES).join(", ")}`);
    process.exitCode = 2;
    continue;
  }
  const output = await suite.run();
  const text =
    typeof output === "string" ? `${suite.title}\n${output}` : formatResults(suite.title, output);
  console.log(`${text}\n`);
}
