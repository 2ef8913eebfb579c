/**
 * `npm run bench`: every benchmark of the project in one process, so that each ratio compares
 * figures measured under the same machine load. `npm run bench -- <name>...` runs some of them.
 */
import { benchEventPatterns } from "./event-pattern.js";
import { type BenchResult, formatResults } from "./measure.js";
import { benchSchedules } from "./schedule.js";

const SUITES: Readonly<Record<string, { title: string; run: () => Promise<BenchResult[]> }>> = {
  "event-pattern": { title: "Event patterns (50 rules x 10,000 events)", run: benchEventPatterns },
  schedule: { title: "Schedule expressions (next fire times)", run: benchSchedules },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(SUITES).join(", ")}`);
    process.exitCode = 2;
    continue;
  }
  console.log(`${formatResults(suite.title, await suite.run())}\n`);
}
